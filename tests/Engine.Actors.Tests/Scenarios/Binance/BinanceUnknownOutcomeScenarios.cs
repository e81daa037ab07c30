using Engine.Actors.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary>
/// <c>-1007</c> on <c>order.place</c>: the order becomes Unknown and is resolved by our client order id, whether it
/// executed (its <c>executionReport</c>s name it) or never reached the book (<c>order.status</c> answers -2013).
/// </summary>
public sealed class BinanceUnknownOutcomeScenarios : BinanceScenarioBase
{
    [Fact]
    public async Task An_order_that_filled_at_once_behind_a_1007_is_resolved_to_filled_with_its_fills_once()
    {
        var fills = CreateTestProbe();
        Sys.EventStream.Subscribe(fills.Ref, typeof(OrderFilled));
        Sys.EventStream.Subscribe(fills.Ref, typeof(OrderPartiallyFilled));
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.UnknownOutcome, Op = "order.place", Count = 1 });

        var buy = new SubmitOrder(Login, new ClientOrderId("unknown-filled"), UtcNow, Btc, OrderSide.Buy, OrderType.Market, 0.01m, null);
        Submit(buy);

        // The -1007 reply and the execution reports race to the book (the reply passes the correlator): the order is
        // Unknown first, or already Filled when the unknown outcome arrives (then it is ignored). Either way it ends Filled.
        var outcome = Events.FishForMessage<IOrderEvent>(e => e.ClientOrderId == buy.ClientOrderId && e is OrderStatusUnknown or OrderFilled, Wait);
        if (outcome is OrderStatusUnknown unknown)
        {
            Assert.Contains("-1007", unknown.Reason, StringComparison.Ordinal);
            outcome = ExpectOrderEvent<OrderFilled>(buy.ClientOrderId);
        }

        Assert.False(Assert.IsType<OrderFilled>(outcome).VenueOrderId.IsEmpty);

        var received = new List<IOrderEvent>();
        while (received.Sum(Quantity) < buy.Quantity)
        {
            received.Add(fills.ExpectMsg<IOrderEvent>(Wait));
        }

        Assert.Equal(buy.Quantity, received.Sum(Quantity));
        Assert.Equal(received.Count, received.Select(FillIdOf).Distinct().Count());

        // The reconciliation the unknown outcome asked for replays nothing.
        fills.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task An_order_that_never_reached_the_venue_behind_a_1007_is_resolved_as_not_at_the_venue()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.UnknownOutcomeNotExecuted, Op = "order.place", Count = 1 });

        var buy = Limit("unknown-missing", OrderSide.Buy, 0.01m, 45_000m);
        Submit(buy);

        var unknown = ExpectOrderEvent<OrderStatusUnknown>(buy.ClientOrderId);
        Assert.Contains("-1007", unknown.Reason, StringComparison.Ordinal);
        var rejected = ExpectOrderEvent<OrderRejected>(buy.ClientOrderId);
        Assert.Contains(OrderStatusResolver.NotFoundReason, rejected.Reason, StringComparison.Ordinal);
        Assert.False(rejected.IsLocal);

        // The engine stays usable: the next order goes through.
        var next = Limit("after-missing", OrderSide.Buy, 0.01m, 45_000m);
        Submit(next);
        ExpectOrderEvent<OrderAccepted>(next.ClientOrderId);
    }

    private static decimal Quantity(IOrderEvent e) => e switch
    {
        OrderFilled f => f.Quantity,
        OrderPartiallyFilled p => p.Quantity,
        _ => 0m,
    };

    private static FillId? FillIdOf(IOrderEvent e) => e switch
    {
        OrderFilled f => f.FillId,
        OrderPartiallyFilled p => p.FillId,
        _ => null,
    };
}
