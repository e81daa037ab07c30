using System.ComponentModel.DataAnnotations;

namespace Engine.Actors.Orders;

/// <summary>
/// Settings of one login's <see cref="OrderBookActor"/>. Immutable; validated with DataAnnotations when bound.
/// </summary>
public sealed record OrderBookOptions
{
    /// <summary>
    /// How long a venue report for a venue order id that no place reply has revealed is held before it is
    /// dropped with a warning. Expiry runs on a timer re-armed with this period, so a report is dropped between
    /// one and two periods after it arrived.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan HeldReportTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A snapshot of the book is saved after this many persisted events; 0 never snapshots.</summary>
    [Range(0, 10_000_000)]
    public int SnapshotEvery { get; init; } = 1_000;

    /// <summary>
    /// Snapshots kept per order book, newest first: after each saved snapshot the older ones beyond this many are
    /// deleted from the snapshot store; 0 keeps all. More than one survives a newest snapshot that cannot be read.
    /// </summary>
    [Range(0, 1_000)]
    public int KeepSnapshots { get; init; } = 2;
}
