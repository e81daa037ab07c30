using Akka.Persistence;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

public sealed class OrderBookActorRecoveryTests : OrderBookActorTestBase
{
    /// <summary>What must survive a restart, compared by value (the state's immutable sets compare by reference).</summary>
    internal static object Essence(OrderState o) => new
    {
        Cid = o.ClientOrderId.Value,
        Vid = o.VenueOrderId?.Value,
        o.Status,
        o.Quantity,
        o.FilledQuantity,
        o.AveragePrice,
        o.VenueFilledQuantity,
        Fills = string.Join(",", o.SeenFillIds.Select(f => f.Value).Order(StringComparer.Ordinal)),
        Fees = string.Join(",", o.Fees.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")),
        o.LastNotification,
    };

    /// <summary>Places three orders: one partially filled, one filled, one canceled.</summary>
    private void Trade()
    {
        Place("c-1", "v-1", quantity: 2m);
        Place("c-2", "v-2");
        Place("c-3", "v-3");
        Report(FillReport("v-1", "f-1", 0.5m), StatusReport("v-1", OrderStatus.PartiallyFilled, 2m, 1.5m), FillReport("v-2", "f-2", 1m), StatusReport("v-3", OrderStatus.Canceled, 1m, 1m));
        Events.ExpectMsg<OrderPartiallyFilled>();
        Events.ExpectMsg<OrderStatusReported>();
        Events.ExpectMsg<OrderFilled>();
        Events.ExpectMsg<OrderStatusReported>();
    }

    [Fact]
    public void A_restarted_book_is_identical_and_does_not_count_a_fill_twice()
    {
        StartBook();
        Trade();
        var before = Orders().Orders.Select(Essence).ToList();
        var journaled = Journal().Count;
        StopBook();

        StartBook();
        Assert.Equal([Btc], Connection.ExpectMsg<ResolutionNeeded>().Symbols.ToArray());

        Assert.Equal(before, Orders().Orders.Select(Essence).ToList());
        Report(FillReport("v-1", "f-1", 0.5m), StatusReport("v-1", OrderStatus.PartiallyFilled, 2m, 1.5m), FillReport("v-2", "f-2", 1m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0.5m, Order("c-1").FilledQuantity);
        Assert.Equal(journaled, Journal().Count);
    }

    [Fact]
    public void After_recovery_working_and_Unknown_orders_are_sent_for_resolution()
    {
        StartBook();
        Place("c-1", "v-1");
        Submit("c-2", symbol: Eth);
        Tell(new PlaceOutcome(new ClientOrderId("c-2"), null, "timeout", Now));
        Connection.ExpectMsg<ResolutionNeeded>();
        StopBook();

        StartBook(ready: false);

        Assert.Equal([Btc, Eth], Connection.ExpectMsg<ResolutionNeeded>().Symbols.ToArray());
        Assert.Equal(OrderStatus.Unknown, Order("c-2").Status);
    }

    [Fact]
    public void A_book_without_working_orders_asks_for_nothing_after_recovery()
    {
        StartBook();
        Place("c-1", "v-1");
        Report(FillReport("v-1", "f-1", 1m));
        Events.ExpectMsg<OrderFilled>();
        StopBook();

        StartBook();

        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void An_order_whose_place_reply_was_lost_in_a_restart_becomes_Unknown_and_is_resolved_by_reconciliation()
    {
        StartBook();
        Submit("c-1", quantity: 2m);
        StopBook();

        StartBook();

        Assert.Equal("the engine restarted before the venue answered the place request", Events.ExpectMsg<OrderStatusUnknown>().Reason);
        Assert.Equal([Btc], Connection.ExpectMsg<ResolutionNeeded>().Symbols.ToArray());
        Assert.Equal(OrderStatus.Unknown, Order("c-1").Status);
        Assert.IsType<OrderStatusUnknown>(Journal()[^1]);

        Tell(new ReconcileOpenOrders(Btc, [new OpenOrder(new VenueOrderId("v-1"), null, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 100m, 2m, 2m, OrderStatus.Accepted, null, null)], Now, "open_orders after READY"));

        Events.ExpectMsg<OrderReconciled>();
        Assert.Equal(OrderStatus.Accepted, Order("c-1").Status);
        Assert.Equal(new VenueOrderId("v-1"), Order("c-1").VenueOrderId);
    }

    [Fact]
    public void A_cancel_waiting_for_its_venue_id_survives_a_restart_and_is_sent_once_reconciliation_finds_the_order()
    {
        StartBook();
        Submit("c-1");
        Tell(new CancelOrder(Login, new ClientOrderId("c-1"), Now));
        Events.ExpectMsg<OrderCancelRequested>();
        StopBook();

        StartBook();
        Events.ExpectMsg<OrderStatusUnknown>();
        Connection.ExpectMsg<ResolutionNeeded>();
        Tell(new ReconcileOpenOrders(Btc, [new OpenOrder(new VenueOrderId("v-1"), null, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 100m, 1m, 1m, OrderStatus.Accepted, null, null)], Now, "open_orders after READY"));

        Assert.Equal("v-1", Connection.ExpectMsg<SendCancel>().Orders.Single().VenueOrderId.Value);
        Assert.Equal(OrderStatus.PendingCancel, Order("c-1").Status);
    }

    [Fact]
    public async Task Recovery_from_a_snapshot_and_later_events_gives_the_same_book_as_a_full_replay()
    {
        // Eight events (the session's start and seven order events): a snapshot after the fifth, three to replay.
        Options = Options with { SnapshotEvery = 5 };
        StartBook();
        Trade();
        Report(FillReport("v-1", "f-3", 0.25m));
        Events.ExpectMsg<OrderPartiallyFilled>();
        var before = Orders().Orders.Select(Essence).ToList();
        StopBook();
        SelectedSnapshot? snapshot = null;
        await AwaitAssertAsync(async () => Assert.NotNull(snapshot = await LatestSnapshotAsync()));
        Assert.NotNull(snapshot);
        Assert.True(snapshot.Metadata.SequenceNr < FullJournal().Count, "the snapshot is followed by events to replay");

        StartBook();
        Connection.ExpectMsg<ResolutionNeeded>();

        Assert.Equal(before, Orders().Orders.Select(Essence).ToList());
        Report(FillReport("v-1", "f-1", 0.5m), FillReport("v-1", "f-3", 0.25m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Only_the_newest_snapshots_are_kept_including_those_of_an_earlier_incarnation()
    {
        Options = Options with { SnapshotEvery = 1, KeepSnapshots = 2 };
        StartBook();
        Place("c-1", "v-1", quantity: 3m);
        Fill("f-1");
        Fill("f-2");

        // Five events (the session's start first); with one order in the book, a snapshot is due every second event at
        // the earliest: after events 1, 3 and 5. The newest 2 are kept.
        await AwaitAssertAsync(async () => Assert.Equal([5L, 3L], await SnapshotsAsync()));

        StopBook();
        StartBook();
        Connection.ExpectMsg<ResolutionNeeded>();
        Fill("f-3");
        Fill("f-4");

        // The session's start (6) and two fills (7, 8): a snapshot after 7; the one of the earlier incarnation at 5 stays,
        // the one at 3 goes.
        await AwaitAssertAsync(async () => Assert.Equal([7L, 5L], await SnapshotsAsync()));
        Assert.Equal(2m, Order("c-1").FilledQuantity);
    }

    private void Fill(string fillId)
    {
        Report(FillReport("v-1", fillId, 0.5m));
        Events.ExpectMsg<OrderPartiallyFilled>(f => f.FillId.Value == fillId);
    }

    /// <summary>Sequence numbers of the book's stored snapshots, newest first.</summary>
    private async Task<List<long>> SnapshotsAsync()
    {
        var found = new List<long>();
        var below = long.MaxValue;
        while (await LatestSnapshotAsync(below) is { } snapshot)
        {
            found.Add(snapshot.Metadata.SequenceNr);
            below = snapshot.Metadata.SequenceNr - 1;
        }

        return found;
    }
}
