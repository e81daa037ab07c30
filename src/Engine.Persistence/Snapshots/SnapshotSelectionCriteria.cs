namespace Engine.Persistence.Snapshots;

/// <summary>
/// Inclusive bounds on sequence number and timestamp that select snapshots for loading or deleting.
/// A snapshot matches when both its sequence number and its timestamp lie within the bounds.
/// </summary>
public sealed record SnapshotSelectionCriteria
{
    /// <summary>Matches every snapshot; loading with it yields the latest.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new();

    /// <summary>Matches nothing: recovery without a snapshot.</summary>
    public static SnapshotSelectionCriteria None { get; } = new() { MaxSequenceNr = 0 };

    /// <summary>Highest sequence number selected.</summary>
    public long MaxSequenceNr { get; init; } = long.MaxValue;

    /// <summary>Latest timestamp selected.</summary>
    public DateTimeOffset MaxTimestamp { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>Lowest sequence number selected.</summary>
    public long MinSequenceNr { get; init; }

    /// <summary>Earliest timestamp selected.</summary>
    public DateTimeOffset MinTimestamp { get; init; } = DateTimeOffset.MinValue;

    /// <summary>Whether <paramref name="metadata"/> lies within the bounds.</summary>
    public bool Matches(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SequenceNr >= MinSequenceNr && metadata.SequenceNr <= MaxSequenceNr
            && metadata.Timestamp.UtcTicks >= MinTimestamp.UtcTicks && metadata.Timestamp.UtcTicks <= MaxTimestamp.UtcTicks;
    }
}
