using Engine.Actors.Risk;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Tests.Risk;

public sealed class RiskEngineTests
{
    private static readonly RiskScope Scope = RiskScope.OfLogin("demo");
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, RiskLimits, Exposure, SubmitOrder, decimal?, string?, decimal?, decimal?> Cases() => new()
    {
        // rule case, limits, held, order, mark, expected rule (null: passes), expected limit, expected actual
        { "quantity at the limit passes", new() { Name = "demo", MaxOrderQuantity = 1m }, Exposure.None, Buy(1m, 100m), null, null, null, null },
        { "quantity over the limit", new() { Name = "demo", MaxOrderQuantity = 1m }, Exposure.None, Buy(1.5m, 100m), null, RiskRules.MaxOrderQuantity, 1m, 1.5m },
        { "notional at the limit passes", new() { Name = "demo", MaxOrderNotional = 1_000m }, Exposure.None, Buy(10m, 100m), null, null, null, null },
        { "notional over the limit", new() { Name = "demo", MaxOrderNotional = 1_000m }, Exposure.None, Buy(10m, 100.5m), null, RiskRules.MaxOrderNotional, 1_000m, 1_005m },
        { "market notional at the mark", new() { Name = "demo", MaxOrderNotional = 1_000m }, Exposure.None, Market(OrderSide.Buy, 10m), 101m, RiskRules.MaxOrderNotional, 1_000m, 1_010m },
        { "market notional without a mark passes", new() { Name = "demo", MaxOrderNotional = 1_000m }, Exposure.None, Market(OrderSide.Buy, 10m), null, null, null, null },
        { "price inside the band passes", new() { Name = "demo", PriceBand = 0.05m }, Exposure.None, Buy(1m, 105m), 100m, null, null, null },
        { "price above the band", new() { Name = "demo", PriceBand = 0.05m }, Exposure.None, Buy(1m, 106m), 100m, RiskRules.PriceBand, 0.05m, 0.06m },
        { "price below the band", new() { Name = "demo", PriceBand = 0.05m }, Exposure.None, Sell(1m, 90m), 100m, RiskRules.PriceBand, 0.05m, 0.1m },
        { "band without a mark passes", new() { Name = "demo", PriceBand = 0.05m }, Exposure.None, Buy(1m, 1_000m), null, null, null, null },
        { "open orders below the limit pass", new() { Name = "demo", MaxOpenOrders = 3 }, Held(open: 2), Buy(1m, 100m), null, null, null, null },
        { "open orders at the limit", new() { Name = "demo", MaxOpenOrders = 3 }, Held(open: 3), Buy(1m, 100m), null, RiskRules.MaxOpenOrders, 3m, 4m },
        { "rate below the limit passes", new() { Name = "demo", MaxOrders = 5 }, Held(recent: 4), Buy(1m, 100m), null, null, null, null },
        { "rate at the limit", new() { Name = "demo", MaxOrders = 5 }, Held(recent: 5), Buy(1m, 100m), null, RiskRules.MaxOrderRate, 5m, 6m },
        { "net position reaching the limit passes", new() { Name = "demo", MaxNetPosition = 10m }, Held(position: 5m, openBuy: 4m), Buy(1m, 100m), null, null, null, null },
        { "net position with working buys over the limit", new() { Name = "demo", MaxNetPosition = 10m }, Held(position: 5m, openBuy: 4m), Buy(2m, 100m), null, RiskRules.MaxNetPosition, 10m, 11m },
        { "net short over the limit", new() { Name = "demo", MaxNetPosition = 10m }, Held(position: -9m, openSell: 1m), Sell(0.5m, 100m), null, RiskRules.MaxNetPosition, 10m, 10.5m },
        { "a sell reducing a long passes", new() { Name = "demo", MaxNetPosition = 10m }, Held(position: 12m), Sell(5m, 100m), null, null, null, null },
        { "loss below the limit passes", new() { Name = "demo", MaxDailyLoss = 500m }, Held(pnl: -499m), Buy(1m, 100m), null, null, null, null },
        { "loss at the limit", new() { Name = "demo", MaxDailyLoss = 500m }, Held(pnl: -500m), Buy(1m, 100m), null, RiskRules.MaxDailyLoss, 500m, 500m },
        { "no limits set passes", new() { Name = "demo" }, Held(open: 1_000, position: 1_000m, recent: 1_000, pnl: -1_000_000m), Buy(1_000m, 1_000_000m), 1m, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_refuses_past_its_limit_and_names_the_numbers(
        string name, RiskLimits limits, Exposure held, SubmitOrder order, decimal? mark, string? rule, decimal? limit, decimal? actual)
    {
        var breach = RiskEngine.Check(new RiskCheck(order, mark, [], [new ScopedLimits(Scope, limits, held)]));

        Assert.True(rule == breach?.Rule, $"{name}: expected {rule ?? "no breach"}, got {breach?.Rule ?? "no breach"} ({breach?.Detail})");
        if (breach is not null)
        {
            Assert.Equal("login:demo", breach.Scope);
            Assert.Equal(limit, breach.Limit);
            Assert.Equal(actual, breach.Actual);
            Assert.False(string.IsNullOrWhiteSpace(breach.Detail));
        }
    }

    public static TheoryData<TradingState, Exposure, SubmitOrder, string?> StateCases() => new()
    {
        { TradingState.Active, Exposure.None, Buy(1m, 100m), null },
        { TradingState.Halted, Exposure.None, Buy(1m, 100m), RiskRules.Halted },
        { TradingState.Halted, Held(position: 5m), Sell(1m, 100m), RiskRules.Halted },
        { TradingState.Reducing, Held(position: 5m), Sell(5m, 100m), null },
        { TradingState.Reducing, Held(position: 5m, openSell: 2m), Sell(4m, 100m), RiskRules.ReduceOnly },
        { TradingState.Reducing, Held(position: 5m), Buy(1m, 100m), RiskRules.ReduceOnly },
        { TradingState.Reducing, Held(position: -3m), Buy(3m, 100m), null },
        { TradingState.Reducing, Held(position: -3m), Buy(3.1m, 100m), RiskRules.ReduceOnly },
        { TradingState.Reducing, Exposure.None, Sell(1m, 100m), RiskRules.ReduceOnly },
    };

    [Theory]
    [MemberData(nameof(StateCases))]
    public void Halted_refuses_everything_and_reducing_refuses_what_does_not_reduce(TradingState state, Exposure held, SubmitOrder order, string? rule)
    {
        var breach = RiskEngine.Check(new RiskCheck(order, null, [new ScopedState(RiskScope.OfStrategy("mm"), state, held)], []));

        Assert.Equal(rule, breach?.Rule);
        if (breach is not null)
        {
            Assert.Equal("strategy:mm", breach.Scope);
        }
    }

    [Fact]
    public void States_are_checked_before_limits_and_scopes_in_the_order_given()
    {
        var order = Buy(10m, 100m);
        var tight = new RiskLimits { Name = "x", MaxOrderQuantity = 1m };

        var halted = RiskEngine.Check(new RiskCheck(order, null, [new ScopedState(RiskScope.Engine, TradingState.Halted, Exposure.None)], [new ScopedLimits(Scope, tight, Exposure.None)]));
        var first = RiskEngine.Check(new RiskCheck(order, null, [], [new ScopedLimits(Scope, tight, Exposure.None), new ScopedLimits(RiskScope.OfSymbol("BTC"), tight, Exposure.None)]));

        Assert.Equal((RiskRules.Halted, "engine"), (halted!.Rule, halted.Scope));
        Assert.Equal("login:demo", first!.Scope);
    }

    private static Exposure Held(int open = 0, decimal position = 0m, decimal openBuy = 0m, decimal openSell = 0m, int recent = 0, decimal pnl = 0m) =>
        new(open, position, openBuy, openSell, recent, pnl);

    private static SubmitOrder Buy(decimal quantity, decimal price) => Order(OrderSide.Buy, OrderType.Limit, quantity, price);

    private static SubmitOrder Sell(decimal quantity, decimal price) => Order(OrderSide.Sell, OrderType.Limit, quantity, price);

    private static SubmitOrder Market(OrderSide side, decimal quantity) => Order(side, OrderType.Market, quantity, null);

    private static SubmitOrder Order(OrderSide side, OrderType type, decimal quantity, decimal? price) =>
        new(new LoginId("demo"), new ClientOrderId("mm-1-1"), T0, new Symbol("BTC"), side, type, quantity, price);
}
