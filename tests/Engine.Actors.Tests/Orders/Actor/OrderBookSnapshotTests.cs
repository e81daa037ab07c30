using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

public sealed class OrderBookSnapshotTests
{
    private static readonly LoginId Login = new("qg-1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_snapshot_round_trips_through_the_journal_registry_with_its_deduplication_state()
    {
        var book = new OrderBook(Login);
        var cid = new ClientOrderId("c-1");
        var vid = new VenueOrderId("v-1");
        book.Apply(new OrderSubmitted(Login, cid, T0, new Symbol("BTC/USDT"), OrderSide.Sell, OrderType.Limit, 2m, 100.5m));
        book.Apply(new OrderAccepted(Login, cid, T0, vid));
        book.Apply(new OrderPartiallyFilled(Login, cid, T0, vid, new FillId("f-1"), 100.5m, 0.5m, 0.01m, "USDT", Liquidity.Maker));
        book.Apply(new OrderStatusReported(Login, cid, T0, vid, OrderStatus.PartiallyFilled, 2m, 1.5m));
        var registry = OrderJournal.CreateRegistry();

        var stored = registry.Serialize(OrderBookSnapshot.Of(book));
        var restored = Assert.IsType<OrderBookSnapshot>(registry.Deserialize(stored.Manifest, stored.Payload, "orders/qg-1"));
        var copy = new OrderBook(Login);
        copy.Restore(restored.Orders);

        Assert.Equal("OrderBookSnapshot.v1", stored.Manifest);
        Assert.Equal(OrderBookActorRecoveryTests.Essence(book.Find(cid)!), OrderBookActorRecoveryTests.Essence(copy.Find(cid)!));
        Assert.Equal(cid, copy.FindByVenueId(vid)?.ClientOrderId);
        Assert.False(copy.Decide(new OrderPartiallyFilled(Login, cid, T0, vid, new FillId("f-1"), 100.5m, 0.5m)).ShouldPersist);
        Assert.False(copy.Decide(new OrderStatusReported(Login, cid, T0, vid, OrderStatus.PartiallyFilled, 2m, 1.5m)).ShouldPersist);
    }
}
