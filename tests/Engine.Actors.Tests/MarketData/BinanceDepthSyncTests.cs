using System.Collections.Immutable;
using Engine.Actors.MarketData.Binance;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.Tests.MarketData;

/// <summary>
/// Binance's local-book procedure on the market-data reference's vector (§4.2): buffer, join a snapshot, drop what it
/// covers, apply in sequence, detect the gap at E4, refetch a too-old snapshot, resync; never a delta on a book it
/// does not follow, never a crossed book.
/// </summary>
public class BinanceDepthSyncTests
{
    private static readonly FeedId Feed = new("bn-md");
    private static readonly Symbol Sol = new("SOLUSDT");
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly BookSnapshotData Snapshot1000 = new(1000, [L(100.00m, 5.0m), L(99.50m, 2.0m)], [L(100.50m, 1.0m), L(101.00m, 4.0m)]);
    private static readonly BinanceDepthDiff E1 = Diff(990, 995, bids: [L(100.00m, 7.0m)]);
    private static readonly BinanceDepthDiff E2 = Diff(996, 1002, bids: [L(100.00m, 4.5m)], asks: [L(100.50m, 0m)]);
    private static readonly BinanceDepthDiff E3 = Diff(1003, 1005, bids: [L(99.80m, 1.2m), L(98.00m, 0m)], asks: [L(100.75m, 0.8m)]);
    private static readonly BinanceDepthDiff E4 = Diff(1008, 1010, bids: [L(100.00m, 6.0m)]);

    [Fact]
    public void The_reference_sequence_joins_the_snapshot_applies_in_order_and_resyncs_at_the_gap()
    {
        var sync = new BinanceDepthSync(Feed, Sol);

        Assert.Equal(BookAction.FetchSnapshot, sync.OnInput(E1, T0).Action);
        Assert.Equal(BookStep.Nothing, sync.OnInput(E2, T0));
        Assert.Equal(2, sync.Buffered);

        var joined = sync.OnSnapshot(Snapshot1000, T0);
        var snapshot = Assert.IsType<OrderBookSnapshot>(joined.Events[0]);
        Assert.Equal((1000L, false), (snapshot.UpdateId, snapshot.IsResync));
        var e2 = Assert.IsType<OrderBookDelta>(Assert.Single(joined.Events.Skip(1)));
        Assert.Equal((1000L, 1002L), (e2.PreviousUpdateId, e2.UpdateId));
        AssertBook(sync, 1002, [L(100.00m, 4.5m), L(99.50m, 2.0m)], [L(101.00m, 4.0m)]);

        var e3 = Assert.IsType<OrderBookDelta>(Assert.Single(sync.OnInput(E3, T0).Events));
        Assert.Equal((1002L, 1005L), (e3.PreviousUpdateId, e3.UpdateId));
        AssertBook(sync, 1005, [L(100.00m, 4.5m), L(99.80m, 1.2m), L(99.50m, 2.0m)], [L(100.75m, 0.8m), L(101.00m, 4.0m)]);

        var gap = sync.OnInput(E4, T0);
        Assert.Empty(gap.Events);
        Assert.Equal(BookAction.FetchSnapshot, gap.Action);
        Assert.Contains("1006-1007 were missed", gap.GapReason, StringComparison.Ordinal);
        Assert.False(sync.IsSynced);
        Assert.Equal(1, sync.Resyncs);
        Assert.Equal(0, sync.Book.BidCount + sync.Book.AskCount);

        var tooOld = sync.OnSnapshot(new BookSnapshotData(1003, [L(100.00m, 4.5m)], [L(101.00m, 4.0m)]), T0);
        Assert.Equal(BookAction.FetchSnapshot, tooOld.Action);
        Assert.Empty(tooOld.Events);
        Assert.False(sync.IsSynced);

        var resynced = sync.OnSnapshot(new BookSnapshotData(1009, [L(100.00m, 4.5m), L(99.80m, 1.2m)], [L(100.75m, 0.8m)]), T0);
        var fresh = Assert.IsType<OrderBookSnapshot>(resynced.Events[0]);
        Assert.Equal((1009L, true), (fresh.UpdateId, fresh.IsResync));
        var e4 = Assert.IsType<OrderBookDelta>(Assert.Single(resynced.Events.Skip(1)));
        Assert.Equal((1009L, 1010L), (e4.PreviousUpdateId, e4.UpdateId));
        AssertBook(sync, 1010, [L(100.00m, 6.0m), L(99.80m, 1.2m)], [L(100.75m, 0.8m)]);
    }

    [Fact]
    public void E4_is_never_applied_on_top_of_the_1005_book()
    {
        var sync = Synced(E2, E3);

        var step = sync.OnInput(E4, T0);

        Assert.DoesNotContain(step.Events, e => e is OrderBookDelta { UpdateId: 1010 });
        Assert.Equal(0m, sync.Book.BidAt(100.00m));
    }

    [Fact]
    public void A_stale_event_after_the_join_is_ignored()
    {
        var sync = Synced(E2);

        Assert.Equal(BookStep.Nothing, sync.OnInput(Diff(1001, 1002, bids: [L(1m, 1m)]), T0));
        Assert.Equal(1002, sync.UpdateId);
        Assert.Equal(0m, sync.Book.BidAt(1m));
    }

    [Fact]
    public void A_snapshot_with_nothing_buffered_is_joined_and_the_first_live_event_must_follow_it()
    {
        var sync = new BinanceDepthSync(Feed, Sol);
        sync.OnInput(E1, T0);

        var joined = sync.OnSnapshot(Snapshot1000, T0);

        Assert.IsType<OrderBookSnapshot>(Assert.Single(joined.Events));
        Assert.Single(sync.OnInput(Diff(1001, 1003, asks: [L(102m, 1m)]), T0).Events);
        Assert.Equal(1003, sync.UpdateId);
    }

    [Fact]
    public void Only_one_snapshot_is_asked_for_while_one_is_on_its_way()
    {
        var sync = new BinanceDepthSync(Feed, Sol);

        Assert.Equal(BookAction.FetchSnapshot, sync.OnInput(E1, T0).Action);
        Assert.Equal(BookAction.None, sync.OnInput(E2, T0).Action);
        Assert.Equal(BookAction.None, sync.OnInput(E3, T0).Action);
    }

    [Fact]
    public void Reset_forgets_the_book_and_the_next_event_asks_for_a_new_snapshot()
    {
        var sync = Synced(E2);

        sync.Reset();

        Assert.False(sync.IsSynced);
        Assert.Equal(BookAction.FetchSnapshot, sync.OnInput(E3, T0).Action);
    }

    private static BinanceDepthSync Synced(params BinanceDepthDiff[] buffered)
    {
        var sync = new BinanceDepthSync(Feed, Sol);
        foreach (var diff in buffered)
        {
            sync.OnInput(diff, T0);
        }

        sync.OnSnapshot(Snapshot1000, T0);
        Assert.True(sync.IsSynced);
        return sync;
    }

    private static void AssertBook(BinanceDepthSync sync, long id, BookLevel[] bids, BookLevel[] asks)
    {
        Assert.True(sync.IsSynced);
        Assert.Equal(id, sync.UpdateId);
        Assert.Equal(bids, sync.Book.Bids().ToArray());
        Assert.Equal(asks, sync.Book.Asks().ToArray());
        Assert.False(sync.Book.IsCrossed);
    }

    private static BookLevel L(decimal price, decimal quantity) => new(price, quantity);

    private static BinanceDepthDiff Diff(long first, long final, BookLevel[]? bids = null, BookLevel[]? asks = null) =>
        new(Sol, first, final, [.. bids ?? []], [.. asks ?? []], T0);
}
