using System.Collections.Immutable;
using Akka.Persistence.Journal;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// Write event adapter: wraps every <see cref="TradingStateChanged"/> in <see cref="Tagged"/> with tag
/// <see cref="RiskJournal.Tag"/>. Stateless and thread-safe.
/// </summary>
public sealed class RiskJournalTagger : IWriteEventAdapter
{
    private static readonly ImmutableHashSet<string> Tags = [RiskJournal.Tag];

    /// <inheritdoc />
    public string Manifest(object evt) => string.Empty;

    /// <inheritdoc />
    public object ToJournal(object evt) => evt is TradingStateChanged ? new Tagged(evt, Tags) : evt;
}
