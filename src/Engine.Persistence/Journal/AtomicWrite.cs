namespace Engine.Persistence.Journal;

/// <summary>
/// The events of one persistence id that must be committed together: all of them or none.
/// Invariants (checked on construction): at least one event, a single persistence id,
/// strictly contiguous ascending sequence numbers starting at 1 or above, valid tags.
/// </summary>
public sealed class AtomicWrite
{
    /// <summary>Validates and wraps <paramref name="events"/>; the list is copied.</summary>
    /// <exception cref="ArgumentException">An invariant above is violated.</exception>
    public AtomicWrite(IReadOnlyList<PersistentRepr> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("An atomic write needs at least one event.", nameof(events));
        }

        var first = events[0];
        if (string.IsNullOrEmpty(first.PersistenceId))
        {
            throw new ArgumentException("The persistence id must not be empty.", nameof(events));
        }

        if (first.SequenceNr < 1)
        {
            throw new ArgumentException(
                $"Sequence numbers start at 1; '{first.PersistenceId}' got {first.SequenceNr}.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!string.Equals(e.PersistenceId, first.PersistenceId, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"An atomic write covers one persistence id; got '{first.PersistenceId}' and '{e.PersistenceId}'.",
                    nameof(events));
            }

            if (e.SequenceNr != first.SequenceNr + i)
            {
                throw new ArgumentException(
                    $"Sequence numbers of '{first.PersistenceId}' must be contiguous; expected {first.SequenceNr + i}, got {e.SequenceNr}.",
                    nameof(events));
            }

            TagCodec.Validate(e.Tags, e.PersistenceId);
        }

        Events = [.. events];
        PersistenceId = first.PersistenceId;
    }

    /// <summary>Convenience constructor for a single event.</summary>
    public AtomicWrite(PersistentRepr persistentEvent)
        : this([persistentEvent])
    {
    }

    /// <summary>The persistence id shared by every event.</summary>
    public string PersistenceId { get; }

    /// <summary>The events in sequence order.</summary>
    public IReadOnlyList<PersistentRepr> Events { get; }

    /// <summary>Sequence number of the first event.</summary>
    public long LowestSequenceNr => Events[0].SequenceNr;

    /// <summary>Sequence number of the last event.</summary>
    public long HighestSequenceNr => Events[^1].SequenceNr;
}
