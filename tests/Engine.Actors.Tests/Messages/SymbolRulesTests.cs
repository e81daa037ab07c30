using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Messages;

public class SymbolRulesTests
{
    private static readonly Symbol Btc = new("BTC/USDT");

    private static readonly SymbolRules Rules = new(
        Btc, PriceTick: 0.01m, SizeTick: 0.0001m, MinQuantity: 0.001m, MaxQuantity: 100m, MinNotional: 5m, MaxNotional: 1_000_000m);

    private static SubmitOrder Order(OrderType type, decimal quantity, decimal? price, string symbol = "BTC/USDT") =>
        new(new LoginId("a"), new ClientOrderId("c"), DateTimeOffset.UnixEpoch, new Symbol(symbol), OrderSide.Buy, type, quantity, price);

    [Theory]
    [InlineData(OrderType.Limit, "1", "100.01", null)]
    [InlineData(OrderType.Market, "1", null, null)]
    [InlineData(OrderType.Market, "1", "0", null)]
    [InlineData(OrderType.LimitMaker, "0.5", "20000", null)]
    [InlineData(OrderType.Limit, "1", "100.005", "price 100.005 is not a multiple of the tick 0.01 for BTC/USDT")]
    [InlineData(OrderType.Limit, "-1", "100", "quantity -1 must be positive for BTC/USDT")]
    [InlineData(OrderType.Limit, "0", "100", "quantity 0 must be positive for BTC/USDT")]
    [InlineData(OrderType.Limit, "1", null, "a Limit order needs a price for BTC/USDT")]
    [InlineData(OrderType.Limit, "1", "-5", "price -5 must be positive for BTC/USDT")]
    [InlineData(OrderType.Market, "1", "100", "a market order carries no price, but price 100 was given for BTC/USDT")]
    [InlineData(OrderType.Limit, "0.00015", "100", "quantity 0.00015 is not a multiple of the size tick 0.0001 for BTC/USDT")]
    [InlineData(OrderType.Limit, "0.0005", "100", "quantity 0.0005 is below the minimum 0.001 for BTC/USDT")]
    [InlineData(OrderType.Limit, "101", "100", "quantity 101 is above the maximum 100 for BTC/USDT")]
    [InlineData(OrderType.Limit, "0.01", "100", "notional 1 (price x quantity) is below the minimum 5 for BTC/USDT")]
    [InlineData(OrderType.Limit, "100", "20000", "notional 2000000 (price x quantity) is above the maximum 1000000 for BTC/USDT")]
    public void Validate_names_the_first_problem(OrderType type, string quantity, string? price, string? expected)
    {
        var order = Order(type, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture),
            price is null ? null : decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, Rules.Validate(order));
    }

    [Fact]
    public void Other_symbol_is_refused()
    {
        Assert.Equal("order is for ETH/USDT but these rules are for BTC/USDT", Rules.Validate(Order(OrderType.Market, 1m, null, "ETH/USDT")));
    }

    [Fact]
    public void Zero_tick_and_null_limits_are_not_enforced()
    {
        var loose = new SymbolRules(Btc, 0m, 0m);
        Assert.Null(loose.Validate(Order(OrderType.Limit, 0.123456789m, 1.23456789m)));
    }
}
