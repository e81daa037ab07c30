using Akka.Actor;

namespace Engine.Persistence.Plugin;

/// <summary>Creates the <see cref="EngineJournalRegistry"/> extension once per actor system.</summary>
public sealed class EngineJournalRegistryProvider : ExtensionIdProvider<EngineJournalRegistry>
{
    /// <inheritdoc />
    public override EngineJournalRegistry CreateExtension(ExtendedActorSystem system) => new();
}
