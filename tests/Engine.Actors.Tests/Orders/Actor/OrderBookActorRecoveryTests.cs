using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Kernel.Persistence.Snapshots;
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
    public void A_cancel_waiting_for_its_venue_id_survives_a_restart()
    {
        StartBook();
        Submit("c-1");
        Tell(new CancelOrder(Login, new ClientOrderId("c-1"), Now));
        Events.ExpectMsg<OrderCancelRequested>();
        StopBook();

        StartBook();
        Connection.ExpectMsg<ResolutionNeeded>();
        Tell(Placed("c-1", "v-1"));

        Assert.Equal("v-1", Connection.ExpectMsg<SendCancel>().Orders.Single().VenueOrderId.Value);
    }

    [Fact]
    public async Task Recovery_from_a_snapshot_and_later_events_gives_the_same_book_as_a_full_replay()
    {
        Options = Options with { SnapshotEvery = 4 };
        StartBook();
        Trade();
        Report(FillReport("v-1", "f-3", 0.25m));
        Events.ExpectMsg<OrderPartiallyFilled>();
        var before = Orders().Orders.Select(Essence).ToList();
        StopBook();
        var snapshot = await Persistence.SnapshotStore.LoadAsync(OrderJournal.PersistenceIdOf(Login), SnapshotSelectionCriteria.Latest);
        Assert.NotNull(snapshot);
        Assert.True(snapshot.Metadata.SequenceNr < Journal().Count, "the snapshot is followed by events to replay");

        StartBook();
        Connection.ExpectMsg<ResolutionNeeded>();

        Assert.Equal(before, Orders().Orders.Select(Essence).ToList());
        Report(FillReport("v-1", "f-1", 0.5m), FillReport("v-1", "f-3", 0.25m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
