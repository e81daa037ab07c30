using System.Collections.Immutable;
using System.Text.Json;
using Engine.Messages;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Tests.Messages;

/// <summary>The journal persists events as JSON: every event must survive a round trip unchanged.</summary>
public class MessageSerializationTests
{
    private static readonly LoginId L = new("alice");
    private static readonly ClientOrderId C = new("c-1");
    private static readonly VenueOrderId V = new("v-1");
    private static readonly Symbol S = new("BTC200925");
    private static readonly DateTimeOffset T = new(2026, 11, 21, 12, 0, 0, 123, TimeSpan.FromHours(1));

    public static TheoryData<IEngineEvent> Events() =>
    [
        new OrderSubmitted(L, C, T, S, OrderSide.Sell, OrderType.Limit, 3m, 9100.5m, TimeInForce.Ioc, OffsetFlag.Close),
        new OrderAccepted(L, C, T, V, 3m),
        new OrderRejected(L, C, T, "quantity error", IsLocal: false),
        new OrderRejected(L, C, T, "risk rule max-order-quantity", IsLocal: true, new RiskBreach("max-order-quantity", "login:alice", 1m, 3m, "order quantity 3 exceeds 1")),
        new OrderPartiallyFilled(L, C, T, V, new FillId("f-1"), 9100.5m, 1m, 0.0001m, "BTC", Liquidity.Maker),
        new OrderFilled(L, C, T, V, new FillId("f-2"), 9100.5m, 2m, null, null, Liquidity.Taker),
        new OrderCancelRequested(L, C, T),
        new CancelRejected(L, C, T, "The record is not found."),
        new OrderCanceled(L, C, T, V, 1m),
        new OrderExpired(L, C, T),
        new OrderStatusUnknown(L, C, T, "place_order timed out after 35 s"),
        new OrderStatusReported(L, C, T, V, OrderStatus.PartiallyFilled, 3m, 2m),
        new OrderReconciled(L, C, T, null, OrderStatus.Canceled, 0m, "absent from open_orders"),
        new BalanceChanged(L, T, new Balance("USDT", 10.5m, null, null)),
        new PositionChanged(L, T, new PositionSnapshot(S, 3m, 2m, 9000m, 0m, 0m, 0m, -1.5m, 10m), IsReconciliation: true),
        new ConnectionStateChanged(L, T, ConnectionState.Stopped, 1, "platform not found", IsFatal: true),
        new RequestBudgetExhausted(L, T, "ORDERS 50/10s", T.AddSeconds(3), 4),
        new TradingStateChanged(RiskScope.OfStrategy("mm"), T, TradingState.Active, TradingState.Halted, "risk", "max-daily-loss: 510 reached 500", CancelWorkingOrders: true),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_round_trips_through_json(IEngineEvent ev)
    {
        var json = JsonSerializer.Serialize(ev, ev.GetType());
        var back = JsonSerializer.Deserialize(json, ev.GetType());
        Assert.Equal(ev, back);
    }

    [Fact]
    public void Replies_with_immutable_collections_round_trip()
    {
        var reply = new OpenOrdersReply(L, S, T, [new OpenOrder(V, null, OrderSide.Buy, OrderType.Limit, TimeInForce.Gtc, 1m, 3m, 1m, OrderStatus.PartiallyFilled, T, null)]);
        var back = JsonSerializer.Deserialize<OpenOrdersReply>(JsonSerializer.Serialize(reply))!;
        Assert.Equal(reply.Orders.Single(), back.Orders.Single());
        Assert.Equal(2m, back.Orders[0].FilledQuantity);

        var rules = new SymbolInfoReply(L, T, new SymbolRules(S, 0.01m, 1m, 1m, null, null, null, "BTC", "USD", "BTC"));
        Assert.Equal(rules, JsonSerializer.Deserialize<SymbolInfoReply>(JsonSerializer.Serialize(rules)));

        var balances = new BalancesReply(L, T, ImmutableArray.Create(new Balance("BTC", 1m, 0.5m, 1.5m)));
        Assert.Equal(balances.Balances.ToArray(), JsonSerializer.Deserialize<BalancesReply>(JsonSerializer.Serialize(balances))!.Balances.ToArray());
    }

    [Fact]
    public void Identifier_with_bad_text_fails_on_deserialisation()
    {
        Assert.ThrowsAny<Exception>(() => JsonSerializer.Deserialize<OrderCanceled>(
            """{"Login":" ","ClientOrderId":"c","Timestamp":"2026-01-01T00:00:00Z"}"""));
    }
}
