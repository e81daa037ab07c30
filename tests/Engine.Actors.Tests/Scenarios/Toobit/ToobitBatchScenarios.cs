using Engine.Messages.Orders;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios.Toobit;

/// <summary>Spot batch orders against the simulator: each order journaled before the batch leaves, per-item outcomes, an unknown batch resolved order by order.</summary>
public sealed class ToobitBatchScenarios : ToobitScenarioBase
{
    private const string BatchOp = "POST /api/v1/spot/batchOrders";

    [Fact]
    public async Task A_batch_places_each_order_and_a_venue_refusal_rejects_only_its_own_item()
    {
        await StartReadyAtMid(50_000m);
        var fine = Limit("batch-1", OrderSide.Buy, 0.01m, 45_000m);
        var tooBig = Limit("batch-2", OrderSide.Buy, 3m, 45_000m);
        var alsoFine = Limit("batch-3", OrderSide.Sell, 0.01m, 56_000m);
        var refusedLocally = Limit("batch-4", OrderSide.Buy, 0m, 45_000m);

        Strategy.Send(Connections, new SubmitOrders(Login, UtcNow, [fine, tooBig, alsoFine, refusedLocally]));

        var outcomes = Outcomes(4);
        Assert.True(Assert.IsType<OrderRejected>(outcomes[refusedLocally.ClientOrderId]).IsLocal);
        Assert.False(string.IsNullOrEmpty(Assert.IsType<OrderAccepted>(outcomes[fine.ClientOrderId]).VenueOrderId.Value));
        Assert.Contains("-1131", Assert.IsType<OrderRejected>(outcomes[tooBig.ClientOrderId]).Reason, StringComparison.Ordinal);
        Assert.IsType<OrderAccepted>(outcomes[alsoFine.ClientOrderId]);
        Assert.Equal(["batch-1", "batch-3"], OpenOrders().Orders.Select(o => o.ClientOrderId?.Value ?? "(none)").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_batch_whose_answer_is_lost_makes_every_order_unknown_and_each_is_resolved_by_query()
    {
        await StartReadyAtMid(50_000m);
        await ArmFault(FaultKind.UnknownOutcome, BatchOp, 1);
        var first = Limit("lost-1", OrderSide.Buy, 0.01m, 45_000m);
        var second = Limit("lost-2", OrderSide.Buy, 0.01m, 44_000m);

        Strategy.Send(Connections, new SubmitOrders(Login, UtcNow, [first, second]));

        // The 500 and the stream's NEW race: unknown first then resolved, or accepted first. Never rejected.
        Assert.All(Outcomes(2, unknownCounts: true).Values, e => Assert.IsNotType<OrderRejected>(e));

        AwaitAssert(() => Assert.Equal(["lost-1", "lost-2"], OpenOrders().Orders.Select(o => o.ClientOrderId?.Value ?? "(none)").Order(StringComparer.Ordinal)), Wait);
    }

    [Fact]
    public async Task A_batch_that_never_executed_makes_every_order_unknown_and_the_queries_find_none_of_them()
    {
        await StartReadyAtMid(50_000m);
        await ArmFault(FaultKind.UnknownOutcomeNotExecuted, BatchOp, 1);
        var first = Limit("gone-1", OrderSide.Buy, 0.01m, 45_000m);
        var second = Limit("gone-2", OrderSide.Buy, 0.01m, 44_000m);

        Strategy.Send(Connections, new SubmitOrders(Login, UtcNow, [first, second]));

        var unknown = new HashSet<string>();
        var rejected = new Dictionary<string, string>();
        while (rejected.Count < 2)
        {
            switch (Events.FishForMessage<IOrderEvent>(e => e is OrderStatusUnknown or OrderRejected or OrderAccepted, Wait))
            {
                case OrderStatusUnknown u:
                    Assert.DoesNotContain(u.ClientOrderId.Value, rejected.Keys);
                    Assert.Contains("503", u.Reason, StringComparison.Ordinal);
                    unknown.Add(u.ClientOrderId.Value);
                    break;
                case OrderRejected r:
                    rejected[r.ClientOrderId.Value] = r.Reason;
                    break;
                case var other:
                    Assert.Fail($"unexpected {other}");
                    break;
            }
        }

        Assert.Equal(["gone-1", "gone-2"], unknown.Order(StringComparer.Ordinal));
        Assert.All(rejected.Values, reason => Assert.Contains(Engine.Actors.Orders.OrderStatusResolver.NotFoundReason, reason, StringComparison.Ordinal));
        Assert.Empty(OpenOrders().Orders);
    }

    /// <summary>The first outcome (accepted, rejected, or unknown when <paramref name="unknownCounts"/>) of each of <paramref name="count"/> orders, whatever order they come in.</summary>
    private Dictionary<Engine.Messages.Identifiers.ClientOrderId, IOrderEvent> Outcomes(int count, bool unknownCounts = false)
    {
        var outcomes = new Dictionary<Engine.Messages.Identifiers.ClientOrderId, IOrderEvent>();
        while (outcomes.Count < count)
        {
            var e = Events.FishForMessage<IOrderEvent>(e => e is OrderAccepted or OrderRejected || (unknownCounts && e is OrderStatusUnknown), Wait);
            outcomes.TryAdd(e.ClientOrderId, e);
        }

        return outcomes;
    }
}
