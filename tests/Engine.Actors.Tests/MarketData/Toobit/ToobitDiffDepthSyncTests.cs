using System.Collections.Immutable;
using Engine.Actors.MarketData.Books;
using Engine.Actors.MarketData.Toobit;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.Tests.MarketData.Toobit;

/// <summary>The Toobit book procedure against the §4.4 sequence: replace on <c>f:true</c>, absolute deltas, <c>o</c> continuity, resubscribe on a gap.</summary>
public sealed class ToobitDiffDepthSyncTests
{
    private static readonly FeedId Feed = new("tb-md");
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1767225600500);

    private static readonly ToobitDepthPush S = Push(true, 0, [("93850", "0.5"), ("93849.5", "1.2")], [("93851", "0.3"), ("93852", "2")]);
    private static readonly ToobitDepthPush D1 = Push(false, 5001, [("93850", "0.4")], [("93851", "0")]);
    private static readonly ToobitDepthPush D2 = Push(false, 5002, [("93849", "0.7")], []);
    private static readonly ToobitDepthPush D3 = Push(false, 5004, [("93850", "0")], []);

    [Fact]
    public void The_reference_sequence_builds_the_book_and_the_gap_asks_for_a_resubscribe()
    {
        var sync = new ToobitDiffDepthSync(Feed, Btc);
        Assert.Equal(BookStep.Nothing, sync.OnInput(D1, At));

        var snapshot = Assert.IsType<OrderBookSnapshot>(Assert.Single(sync.OnInput(S, At).Events));
        Assert.False(snapshot.IsResync);
        Assert.Equal([L("93850", "0.5"), L("93849.5", "1.2")], snapshot.Bids.ToArray());

        var d1 = Assert.IsType<OrderBookDelta>(Assert.Single(sync.OnInput(D1, At).Events));
        Assert.Equal(snapshot.UpdateId, d1.PreviousUpdateId);
        var d2 = Assert.IsType<OrderBookDelta>(Assert.Single(sync.OnInput(D2, At).Events));
        Assert.Equal(d1.UpdateId, d2.PreviousUpdateId);
        Assert.Equal([L("93850", "0.4"), L("93849.5", "1.2"), L("93849", "0.7")], sync.Book.Bids().ToArray());
        Assert.Equal([L("93852", "2")], sync.Book.Asks().ToArray());

        var gap = sync.OnInput(D3, At);
        Assert.Equal(BookAction.Resubscribe, gap.Action);
        Assert.Empty(gap.Events);
        Assert.Equal("diffDepth o=5004 after o=5002: 1 push(es) missed", gap.GapReason);
        Assert.False(sync.IsSynced);
        Assert.Equal(1, sync.Resyncs);

        Assert.Equal(BookStep.Nothing, sync.OnInput(Push(false, 5005, [("1", "1")], []), At));
        var fresh = Assert.IsType<OrderBookSnapshot>(Assert.Single(sync.OnInput(S, At).Events));
        Assert.True(fresh.IsResync);
        Assert.True(fresh.UpdateId > d2.UpdateId);
        Assert.Single(sync.OnInput(Push(false, 9000, [], [("93851", "0.1")]), At).Events);
    }

    [Fact]
    public void Without_o_deltas_apply_in_order_and_a_requested_snapshot_resubscribes_once()
    {
        var sync = new ToobitDiffDepthSync(Feed, Btc);
        sync.OnInput(S with { Sequence = null }, At);
        Assert.Single(sync.OnInput(D1 with { Sequence = null }, At).Events);
        Assert.Single(sync.OnInput(D3 with { Sequence = null }, At).Events);
        Assert.Equal([L("93849.5", "1.2")], sync.Book.Bids().ToArray());

        sync.Reset();
        Assert.Equal(BookAction.Resubscribe, sync.OnSnapshot(new BookSnapshotData(0, [], []), At).Action);
        Assert.Equal(BookStep.Nothing, sync.OnSnapshot(new BookSnapshotData(0, [], []), At));
        Assert.True(Assert.IsType<OrderBookSnapshot>(Assert.Single(sync.OnInput(S, At).Events)).IsResync);
    }

    private static BookLevel L(string price, string quantity) => new(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture));

    private static ToobitDepthPush Push(bool full, long? o, (string P, string Q)[] bids, (string P, string Q)[] asks) =>
        new(Btc, full, o, "v", [.. bids.Select(b => L(b.P, b.Q))], [.. asks.Select(a => L(a.P, a.Q))], At);
}
