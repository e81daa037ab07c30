using Akka.Actor;
using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Akka.Persistence.Query;

namespace Engine.Persistence.Plugin;

/// <summary>Creates the <see cref="EngineReadJournal"/> of <c>akka.persistence.query.journal.engine</c> (Akka.Persistence.Query calls it).</summary>
public sealed class EngineReadJournalProvider : IReadJournalProvider
{
    private readonly EngineReadJournal journal;

    /// <summary>Reads <c>write-plugin</c> from the plugin's config section.</summary>
    public EngineReadJournalProvider(ExtendedActorSystem system, AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        journal = new EngineReadJournal(system, config.GetString("write-plugin", EnginePluginConfig.JournalId));
    }

    /// <inheritdoc />
    public IReadJournal GetReadJournal() => journal;
}
