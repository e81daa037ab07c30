using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios.Binance;

/// <summary>
/// Request correlation inside the connection actor (no correlator child): a reply is matched to its pending request,
/// a request without a reply by its deadline has an unknown outcome, and a reply that comes after the deadline is
/// counted late and answered to nobody; nothing stays pending.
/// </summary>
public sealed class BinanceCorrelationScenarios : BinanceScenarioBase
{
    [Fact]
    public async Task A_matched_reply_leaves_nothing_pending()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);

        var buy = Limit("matched-1");
        Submit(buy);
        ExpectOrderEvent<OrderAccepted>(buy.ClientOrderId);

        AwaitAssert(() => Assert.Equal(new ConnectionActor.CorrelationCounts(0, 0, 0), Counts()), Wait);
    }

    [Fact]
    public async Task A_place_reply_after_its_deadline_is_counted_late_and_delivered_to_nobody()
    {
        StartEngine();
        ExpectState(ConnectionState.Ready);
        await SetMid(50_000m);
        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.DelayReply, Op = "order.place", Count = 1, DelayMs = 8_000 });

        // The execution report names our client order id, so the order is accepted while its reply is held back.
        var buy = Limit("late-1");
        Submit(buy);
        var accepted = ExpectOrderEvent<OrderAccepted>(buy.ClientOrderId);

        // Engine time passes the request's deadline (5 s; the outcome "unknown" is ignored, the order being known) and
        // then the simulator's delay (8 s): the reply arrives after its request timed out.
        AwaitAssert(
            () =>
            {
                Advance(TimeSpan.FromSeconds(1));
                var counts = Counts();
                Assert.Equal((1L, 0L), (counts.Late, counts.Unmatched));
            },
            Wait,
            TimeSpan.FromMilliseconds(200));
        AwaitAssert(() => Assert.Equal(0, Counts().Pending), Wait);

        var order = (await BookViewAsync()).Orders.Single(o => o.ClientOrderId == buy.ClientOrderId);
        Assert.Equal((OrderStatus.Accepted, accepted.VenueOrderId), (order.Status, order.VenueOrderId));
    }

    private SubmitOrder Limit(string id) =>
        new(Login, new ClientOrderId(id), UtcNow, Btc, OrderSide.Buy, OrderType.Limit, 0.01m, 40_000m);

    private ConnectionActor.CorrelationCounts Counts() =>
        Sys.ActorSelection($"{Connections.Path}/{Login.Value}/connection")
            .Ask<ConnectionActor.CorrelationCounts>(ConnectionActor.GetCorrelationCounts.Instance, Wait)
            .GetAwaiter()
            .GetResult();
}
