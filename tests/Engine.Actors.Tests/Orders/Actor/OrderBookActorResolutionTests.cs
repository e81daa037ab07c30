using System.Collections.Immutable;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>Unknown outcomes resolved by client order id: reports naming it, and per-order status answers.</summary>
public sealed class OrderBookActorResolutionTests : OrderBookActorTestBase
{
    private static readonly ImmutableDictionary<Symbol, SymbolRules> BtcRules =
        ImmutableDictionary<Symbol, SymbolRules>.Empty.Add(Btc, new SymbolRules(Btc, PriceTick: 0.01m, SizeTick: 0.0001m, MinQuantity: 0.0001m));

    private static readonly ClientOrderId C1 = new("c-1");

    /// <summary>Starts the book on a connection that answers per-order status queries (Binance).</summary>
    private void StartQueryableBook()
    {
        StartBook(ready: false);
        Tell(new ConnectionReadiness(true, "ready", BtcRules) { CanQueryOrderStatus = true });
    }

    private void MakeUnknown()
    {
        Tell(new PlaceOutcome(C1, null, "-1007: Timeout waiting for response from backend server.", Now));
        Events.ExpectMsg<OrderStatusUnknown>();
        Assert.Equal([Btc], Connection.ExpectMsg<ResolutionNeeded>().Symbols.ToArray());
    }

    private static VenueOrderUpdate Named(string vid, Func<ClientOrderId, IOrderEvent> bind) => new(new VenueOrderId(vid), DateTimeOffset.UnixEpoch, bind, C1);

    [Fact]
    public void Reports_naming_the_client_order_id_resolve_an_unknown_order_and_teach_it_the_venue_id()
    {
        StartBook();
        Submit("c-1", quantity: 2m);
        MakeUnknown();
        var vid = new VenueOrderId("v-9");

        Report(
            Named("v-9", cid => new OrderAccepted(Login, cid, Now, vid, 2m)),
            Named("v-9", cid => new OrderFilled(Login, cid, Now, vid, new FillId("t-1"), 100m, 2m, null, null, Liquidity.Taker)));

        Events.ExpectMsg<OrderAccepted>();
        Assert.Equal(2m, Events.ExpectMsg<OrderFilled>().Quantity);
        var order = Order("c-1");
        Assert.Equal((OrderStatus.Filled, vid, 2m, 0), (order.Status, order.VenueOrderId, order.FilledQuantity, Orders().HeldReports));
        Assert.IsType<OrderFilled>(Journal()[^1]);

        // A restart rebuilds the venue id from the journal: a later report by venue id alone still binds.
        StopBook();
        StartBook();
        Assert.Equal(vid, Order("c-1").VenueOrderId);
        Report(FillReport("v-9", "t-1", 2m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, Orders().HeldReports);
    }

    [Fact]
    public void A_late_unknown_place_outcome_after_the_venue_reported_the_order_changes_nothing()
    {
        StartBook();
        Submit("c-1", quantity: 2m);
        var vid = new VenueOrderId("v-7");
        Report(Named("v-7", cid => new OrderAccepted(Login, cid, Now, vid, 2m)));
        Events.ExpectMsg<OrderAccepted>();
        Orders(); // answered once OrderAccepted (published before its commit) has committed
        var journaled = Journal().Count;

        Tell(new PlaceOutcome(C1, null, "-1007: Timeout waiting for response from backend server.", Now));

        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Connection.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal((OrderStatus.Accepted, vid), (Order("c-1").Status, Order("c-1").VenueOrderId));
        Assert.Equal(journaled, Journal().Count);
    }

    [Fact]
    public void An_unknown_order_the_venue_does_not_know_is_asked_about_then_rejected()
    {
        StartQueryableBook();
        Submit("c-1");
        MakeUnknown();

        Tell(new ReconcileOpenOrders(Btc, [], Now, "open_orders on resolution request"));
        var ask = Connection.ExpectMsg<ResolutionNeeded>();
        Assert.Empty(ask.Symbols);
        Assert.Equal(new[] { new OrderToResolve(Btc, C1, null) }, ask.Orders.ToArray());
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));

        Tell(new OrderStatusResolved(C1, null, "-2013: Order does not exist.", Now, "order.status"));

        var rejected = Events.ExpectMsg<OrderRejected>();
        Assert.Contains(OrderStatusResolver.NotFoundReason, rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Rejected, Order("c-1").Status);
        Assert.Equal(rejected, Journal()[^1]);
    }

    [Fact]
    public void A_status_answer_adopts_venue_id_and_status_without_inventing_fills_and_releases_held_reports()
    {
        StartQueryableBook();
        Submit("c-1", quantity: 2m);
        MakeUnknown();
        Report(FillReport("v-7", "t-1", 0.5m));
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(1, Orders().HeldReports);

        var venue = new OpenOrder(new VenueOrderId("v-7"), C1, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 100m, 2m, 0m, OrderStatus.Filled, null, null);
        Tell(new OrderStatusResolved(C1, venue, null, Now, "order.status"));

        var reconciled = Events.ExpectMsg<OrderReconciled>();
        Assert.Equal((new VenueOrderId("v-7"), OrderStatus.Filled, 2m), (reconciled.VenueOrderId, reconciled.Status, reconciled.FilledQuantity));
        Events.ExpectMsg<OrderPartiallyFilled>(f => f.FillId == new FillId("t-1"));
        var order = Order("c-1");
        Assert.Equal((OrderStatus.Filled, 0.5m, 2m, 0), (order.Status, order.FilledQuantity, order.VenueFilledQuantity, Orders().HeldReports));
        AwaitAssert(() => Assert.Contains(Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("the missing fills are not invented", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_working_order_missing_from_the_open_orders_is_asked_about_instead_of_closed_as_canceled()
    {
        StartQueryableBook();
        Place("c-1", "v-1");

        Tell(new ReconcileOpenOrders(Btc, [], Now, "open_orders after READY"));

        var ask = Connection.ExpectMsg<ResolutionNeeded>();
        Assert.Equal(new[] { new OrderToResolve(Btc, C1, new VenueOrderId("v-1")) }, ask.Orders.ToArray());
        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(OrderStatus.Accepted, Order("c-1").Status);
    }

    [Fact]
    public void An_answer_for_an_order_the_book_does_not_know_changes_nothing()
    {
        StartQueryableBook();
        var journaled = Journal().Count;

        Tell(new OrderStatusResolved(new ClientOrderId("nobody"), null, "-2013", Now, "order.status"));

        Events.ExpectNoMsg(TimeSpan.FromMilliseconds(50));
        Assert.Equal(journaled, Journal().Count);
    }
}
