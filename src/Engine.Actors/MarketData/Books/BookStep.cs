using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Books;

/// <summary>
/// The outcome of one input to a <see cref="IBookSynchronizer"/>: the book events to publish, in order, what the feed
/// must do next, and, when the book was discarded, why (<see cref="GapReason"/>, to log and count as a resync).
/// </summary>
/// <param name="Events">Book events to deliver (a snapshot when the book (re)synchronised, then deltas).</param>
/// <param name="Action">Follow-up the feed owes the book.</param>
/// <param name="GapReason">Set when the book was discarded because updates were missed.</param>
public sealed record BookStep(IReadOnlyList<IOrderBookEvent> Events, BookAction Action, string? GapReason = null)
{
    /// <summary>Nothing to publish, nothing to do.</summary>
    public static readonly BookStep Nothing = new([], BookAction.None);
}
