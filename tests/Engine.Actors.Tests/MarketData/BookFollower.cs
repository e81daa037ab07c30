using Akka.TestKit;
using Engine.Actors.MarketData.Books;
using Engine.Messages.MarketData;

namespace Engine.Actors.Tests.MarketData;

/// <summary>A strategy's view of a feed's book in the feed scenarios: its snapshots and deltas applied to a local book.</summary>
internal static class BookFollower
{
    /// <summary>
    /// Applies the book events <paramref name="strategy"/> receives (acknowledging each) until a snapshot (when
    /// <paramref name="untilSnapshot"/>) or one delta arrived, checking that each delta follows the last event and leaves
    /// the book uncrossed; returns the book id.
    /// </summary>
    public static long? Follow(TestProbe strategy, LocalOrderBook book, long? bookId, bool untilSnapshot, TimeSpan wait)
    {
        while (true)
        {
            var message = strategy.ExpectMsg<IOrderBookEvent>(wait);
            strategy.Reply(MarketDataDelivered.Instance);
            switch (message)
            {
                case OrderBookSnapshot snapshot:
                    book.Reset(snapshot.Bids, snapshot.Asks);
                    bookId = snapshot.UpdateId;
                    if (untilSnapshot)
                    {
                        return bookId;
                    }

                    break;
                case OrderBookDelta delta:
                    Assert.Equal(bookId, delta.PreviousUpdateId);
                    book.Apply(delta.Bids, delta.Asks);
                    Assert.False(book.IsCrossed);
                    bookId = delta.UpdateId;
                    if (!untilSnapshot)
                    {
                        return bookId;
                    }

                    break;
            }
        }
    }
}
