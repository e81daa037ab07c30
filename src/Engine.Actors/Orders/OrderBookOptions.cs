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

    /// <summary>
    /// How long the venue's acknowledgement of a placement (<see cref="Engine.Messages.Orders.OrderAccepted"/>, published
    /// when decided) may wait to be written with the book's next write; when nothing else is written meanwhile it is
    /// written alone once this is up. A strategy that places its next order as soon as it hears the acknowledgement then
    /// pays one journal commit per round trip instead of two (the next order's write-ahead no longer queues behind the
    /// acknowledgement's own commit). Lost in a crash, an acknowledgement costs a resolution: the order recovers as waiting for
    /// its place reply, becomes Unknown and is resolved with the venue, which on a venue without order queries (the quant
    /// gateway) rests on the open orders and the balance: keep the delay short. 0 writes it at once. The timer runs on the
    /// engine clock.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan AcceptedWriteDelay { get; init; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// A snapshot of the book is saved after this many persisted events, and never sooner than two events per order in
    /// the book (a snapshot holds every order); 0 never snapshots.
    /// </summary>
    [Range(0, 10_000_000)]
    public int SnapshotEvery { get; init; } = 1_000;

    /// <summary>
    /// Snapshots kept per order book, newest first: after each saved snapshot the older ones beyond this many are
    /// deleted from the snapshot store; 0 keeps all. More than one survives a newest snapshot that cannot be read.
    /// </summary>
    [Range(0, 1_000)]
    public int KeepSnapshots { get; init; } = 2;
}
