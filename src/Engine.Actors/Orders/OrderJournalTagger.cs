using System.Collections.Immutable;
using Akka.Persistence.Journal;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Write event adapter of the order journal: wraps every <see cref="IOrderEvent"/> in <see cref="Tagged"/> with tag
/// <see cref="OrderJournal.Tag"/>, which the journal stores in its tag table for <c>EventsByTag</c> queries (the
/// status board's catch-up, the audit). Anything else passes unchanged. Adds no manifest of its own. Stateless and
/// thread-safe; bound on each journal plugin by <see cref="OrderJournal.AkkaConfig"/>.
/// </summary>
public sealed class OrderJournalTagger : IWriteEventAdapter
{
    private static readonly ImmutableHashSet<string> Tags = [OrderJournal.Tag];

    /// <inheritdoc />
    public string Manifest(object evt) => string.Empty;

    /// <inheritdoc />
    public object ToJournal(object evt) => evt is IOrderEvent ? new Tagged(evt, Tags) : evt;
}
