using Engine.Simulator.Accounts;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Tests.Matching;

public class MatchingEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly SymbolRules Spot = new()
    {
        Symbol = "BTC/USDT", BaseAsset = "BTC", QuoteAsset = "USDT", PriceTick = 0.1m, SizeTick = 0.001m, MinSize = 0.001m, MinNotional = 5m,
    };

    private static readonly SymbolRules Linear = new()
    {
        Symbol = "BTCUSDT", BaseAsset = "BTC", QuoteAsset = "USDT", PriceTick = 0.1m, SizeTick = 1m, MinSize = 1m, IsFutures = true, ContractSize = 0.01m, Leverage = 10m,
    };

    private static MatchingEngine NewEngine(decimal maker = 0m, decimal taker = 0m)
    {
        var engine = new MatchingEngine(new FeeSchedule(maker, taker));
        engine.AddSymbol(Spot);
        engine.AddSymbol(Linear);
        foreach (var id in new[] { "a", "b" })
        {
            engine.AddAccount(new AccountOptions
            {
                Id = id, ApiKey = id, Secret = id,
                SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 100_000m, ["BTC"] = 2m },
                FuturesBalances = new Dictionary<string, decimal> { ["USDT"] = 10_000m },
            });
        }

        return engine;
    }

    private static MarketQuote Quote(string symbol, decimal mid, decimal levelQty = 1m) => new(
        symbol, mid,
        [new PriceLevel(mid - 1m, levelQty), new PriceLevel(mid - 2m, levelQty)],
        [new PriceLevel(mid + 1m, levelQty), new PriceLevel(mid + 2m, levelQty)]);

    private static OrderRequest Req(string account, OrderSide side, OrderType type, decimal price, decimal qty, string symbol = "BTC/USDT", PositionEffect effect = PositionEffect.Net) =>
        new() { AccountId = account, Symbol = symbol, Side = side, Type = type, Price = price, Quantity = qty, Effect = effect };

    public static TheoryData<OrderType, OrderSide, decimal, decimal, decimal, SimOrderStatus> CrossingCases => new()
    {
        // type, side, price, qty, expected filled, expected final status (synthetic asks 101/102, bids 99/98, 1 each)
        { OrderType.Limit, OrderSide.Buy, 100m, 0.5m, 0m, SimOrderStatus.New },
        { OrderType.Limit, OrderSide.Buy, 101m, 0.5m, 0.5m, SimOrderStatus.Filled },
        { OrderType.Limit, OrderSide.Buy, 101m, 1.5m, 1m, SimOrderStatus.PartiallyFilled },
        { OrderType.Limit, OrderSide.Buy, 102m, 1.5m, 1.5m, SimOrderStatus.Filled },
        { OrderType.Ioc, OrderSide.Buy, 101m, 1.5m, 1m, SimOrderStatus.Canceled },
        { OrderType.Ioc, OrderSide.Sell, 100m, 0.5m, 0m, SimOrderStatus.Canceled },
        { OrderType.Market, OrderSide.Buy, 0m, 1.5m, 1.5m, SimOrderStatus.Filled },
        { OrderType.Market, OrderSide.Sell, 0m, 1.5m, 1.5m, SimOrderStatus.Filled },
        { OrderType.Market, OrderSide.Buy, 0m, 0.2m + 2m - 0.2m, 2m, SimOrderStatus.Filled },
    };

    [Theory]
    [MemberData(nameof(CrossingCases))]
    public void Crossing_against_synthetic_levels(OrderType type, OrderSide side, decimal price, decimal qty, decimal filled, SimOrderStatus status)
    {
        var engine = NewEngine();
        var events = engine.Submit(Req("a", side, type, price, qty), Quote("BTC/USDT", 100m), Now);

        Assert.IsType<OrderAccepted>(events[0]);
        var fills = events.OfType<OrderFilled>().ToList();
        Assert.Equal(filled, fills.Sum(f => f.Fill.Quantity));
        var last = events.OfType<OrderCanceled>().Select(c => c.Order).Concat(fills.Select(f => f.Order)).LastOrDefault() ?? ((OrderAccepted)events[0]).Order;
        var finalStatus = events.OfType<OrderCanceled>().Any() ? SimOrderStatus.Canceled : last.Status;
        Assert.Equal(status, finalStatus);
        Assert.All(fills, f => Assert.Equal(Liquidity.Taker, f.Fill.Liquidity));
        Assert.Equal(fills.Count, fills.Select(f => f.Fill.FillId).Distinct().Count());
    }

    [Fact]
    public void Market_order_slips_over_levels()
    {
        var engine = NewEngine();
        var events = engine.Submit(Req("a", OrderSide.Buy, OrderType.Market, 0m, 1.5m), Quote("BTC/USDT", 100m), Now);
        var prices = events.OfType<OrderFilled>().Select(f => (f.Fill.Price, f.Fill.Quantity)).ToList();
        Assert.Equal([(101m, 1m), (102m, 0.5m)], prices);
    }

    [Theory]
    [InlineData(100.05, 0.01, RejectReason.PriceTick)]
    [InlineData(100, 0.0105, RejectReason.SizeTick)]
    [InlineData(100, 0.0, RejectReason.InvalidQuantity)]
    [InlineData(0, 0.01, RejectReason.InvalidPrice)]
    [InlineData(100, 0.01, RejectReason.MinNotional)]
    [InlineData(60000, 2, RejectReason.InsufficientBalance)]
    public void Rule_violations_are_typed_and_change_nothing(double price, double qty, RejectReason reason)
    {
        var engine = NewEngine();
        var events = engine.Submit(Req("a", OrderSide.Buy, OrderType.Limit, (decimal)price, (decimal)qty), null, Now);
        var rejected = Assert.IsType<OrderRejected>(Assert.Single(events));
        Assert.Equal(reason, rejected.Reason);
        Assert.Equal(new Balance(100_000m, 0m), engine.Account("a")!.Spot.Get("USDT"));
    }

    [Fact]
    public void Post_only_that_would_cross_is_rejected()
    {
        var engine = NewEngine();
        var events = engine.Submit(Req("a", OrderSide.Buy, OrderType.PostOnly, 101m, 0.1m), Quote("BTC/USDT", 100m), Now);
        Assert.Equal(RejectReason.WouldTakeLiquidity, Assert.IsType<OrderRejected>(Assert.Single(events)).Reason);
    }

    [Fact]
    public void Spot_locks_on_accept_and_releases_on_cancel()
    {
        var engine = NewEngine(taker: 0.001m);
        var wallet = engine.Account("a")!.Spot;
        var accepted = (OrderAccepted)engine.Submit(Req("a", OrderSide.Buy, OrderType.Limit, 100m, 1m), null, Now)[0];
        Assert.Equal(new Balance(100_000m - 100.1m, 100.1m), wallet.Get("USDT"));

        engine.Submit(Req("a", OrderSide.Sell, OrderType.Limit, 200m, 0.5m), null, Now);
        Assert.Equal(new Balance(1.5m, 0.5m), wallet.Get("BTC"));

        var canceled = engine.Cancel("a", accepted.Order.OrderId, Now);
        Assert.IsType<OrderCanceled>(canceled[0]);
        Assert.Equal(new Balance(100_000m, 0m), wallet.Get("USDT"));
        Assert.Empty(engine.Cancel("a", accepted.Order.OrderId, Now));
        Assert.Empty(engine.Cancel("b", "999", Now));
    }

    [Theory]
    [InlineData(0.001, 0.002)]
    [InlineData(0, 0)]
    [InlineData(-0.0001, 0.0005)]
    public void Fees_are_charged_in_quote_by_liquidity(double maker, double taker)
    {
        var engine = NewEngine((decimal)maker, (decimal)taker);
        engine.Submit(Req("a", OrderSide.Sell, OrderType.Limit, 100m, 1m), null, Now);
        var events = engine.Submit(Req("b", OrderSide.Buy, OrderType.Limit, 100m, 1m), null, Now);

        var fills = events.OfType<OrderFilled>().ToDictionary(f => f.Fill.AccountId, f => f.Fill);
        Assert.Equal(Liquidity.Maker, fills["a"].Liquidity);
        Assert.Equal(Liquidity.Taker, fills["b"].Liquidity);
        Assert.Equal(100m * (decimal)maker, fills["a"].Fee);
        Assert.Equal(100m * (decimal)taker, fills["b"].Fee);
        Assert.Equal(new Balance(100_000m + 100m - (100m * (decimal)maker), 0m), engine.Account("a")!.Spot.Get("USDT"));
        Assert.Equal(new Balance(100_000m - 100m - (100m * (decimal)taker), 0m), engine.Account("b")!.Spot.Get("USDT"));
        Assert.Equal(3m, engine.Account("b")!.Spot.Get("BTC").Total);
    }

    [Fact]
    public void Price_time_priority_among_resting_orders()
    {
        var engine = NewEngine();
        var first = (OrderAccepted)engine.Submit(Req("a", OrderSide.Sell, OrderType.Limit, 100m, 0.5m), null, Now)[0];
        var better = (OrderAccepted)engine.Submit(Req("a", OrderSide.Sell, OrderType.Limit, 99.9m, 0.5m), null, Now)[0];
        var second = (OrderAccepted)engine.Submit(Req("a", OrderSide.Sell, OrderType.Limit, 100m, 0.5m), null, Now)[0];

        var events = engine.Submit(Req("b", OrderSide.Buy, OrderType.Limit, 100m, 1.2m), null, Now);
        var makerOrder = events.OfType<OrderFilled>().Where(f => f.Fill.Liquidity == Liquidity.Maker).Select(f => f.Order.OrderId).ToList();
        Assert.Equal([better.Order.OrderId, first.Order.OrderId, second.Order.OrderId], makerOrder);
        Assert.Equal(0.3m, engine.OpenOrders("a", "BTC/USDT").Single().Remaining);
    }

    [Fact]
    public void Resting_order_fills_when_the_mid_walks_through_it()
    {
        var engine = NewEngine();
        engine.Submit(Req("a", OrderSide.Buy, OrderType.Limit, 95m, 1.5m), Quote("BTC/USDT", 100m), Now);
        Assert.Empty(engine.OnQuote(Quote("BTC/USDT", 96m), Now));

        var partial = engine.OnQuote(Quote("BTC/USDT", 95m), Now).OfType<OrderFilled>().Single();
        Assert.Equal((95m, 1m, Liquidity.Maker, SimOrderStatus.PartiallyFilled), (partial.Fill.Price, partial.Fill.Quantity, partial.Fill.Liquidity, partial.Order.Status));
        var final = engine.OnQuote(Quote("BTC/USDT", 94m), Now).OfType<OrderFilled>().Single();
        Assert.Equal(SimOrderStatus.Filled, final.Order.Status);
        Assert.Empty(engine.OpenOrders("a", "BTC/USDT"));
    }

    public static TheoryData<string, decimal, decimal, decimal, decimal> PositionCases => new()
    {
        // steps "side:qty@price[:effect]"; expected long qty, long avg, short qty, realised pnl
        { "B:10@100", 10m, 100m, 0m, 0m },
        { "B:10@100,B:10@110", 20m, 105m, 0m, 0m },
        { "B:10@100,S:4@110", 6m, 100m, 0m, 0.4m },
        { "B:10@100,S:10@90", 0m, 0m, 0m, -1m },
        { "B:10@100,S:15@120", 0m, 0m, 5m, 2m },
        { "B:10@100:O,S:5@120:O", 10m, 100m, 5m, 0m },
        { "S:5@120:O,B:5@100:C", 0m, 0m, 0m, 1m },
    };

    [Theory]
    [MemberData(nameof(PositionCases))]
    public void Futures_positions_open_close_flip_with_average_and_pnl(string steps, decimal longQty, decimal longAvg, decimal shortQty, decimal realised)
    {
        var engine = NewEngine();
        foreach (var step in steps.Split(','))
        {
            var parts = step.Split(':', '@');
            var effect = parts.Length > 3 ? (parts[3] == "O" ? PositionEffect.Open : PositionEffect.Close) : PositionEffect.Net;
            var price = decimal.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture);
            var side = parts[0] == "B" ? OrderSide.Buy : OrderSide.Sell;
            var events = engine.Submit(Req("a", side, OrderType.Limit, price, decimal.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), "BTCUSDT", effect), Quote("BTCUSDT", price, 1000m) with
            {
                Asks = [new PriceLevel(price, 1000m)],
                Bids = [new PriceLevel(price, 1000m)],
            }, Now);
            Assert.IsType<OrderAccepted>(events[0]);
            Assert.Contains(events, e => e is PositionChanged);
        }

        var p = engine.Position("a", "BTCUSDT", 100m);
        Assert.Equal((longQty, longAvg, shortQty, realised), (p.LongQuantity, p.LongAveragePrice, p.ShortQuantity, p.RealisedPnl));
        Assert.Equal(longQty == 0m ? 0m : Linear.LongPnl(longAvg, 100m, longQty), p.LongUnrealisedPnl);
        var wallet = engine.Account("a")!.Futures.Get("USDT");
        Assert.Equal(p.LongMargin + p.ShortMargin, wallet.Locked);
        Assert.Equal(10_000m + realised, wallet.Total);
    }

    [Fact]
    public void Close_beyond_position_and_open_beyond_margin_are_rejected()
    {
        var engine = NewEngine();
        var close = engine.Submit(Req("a", OrderSide.Sell, OrderType.Limit, 100m, 1m, "BTCUSDT", PositionEffect.Close), null, Now);
        Assert.Equal(RejectReason.InsufficientPosition, Assert.IsType<OrderRejected>(Assert.Single(close)).Reason);

        var open = engine.Submit(Req("a", OrderSide.Buy, OrderType.Limit, 100m, 1_000_000m, "BTCUSDT", PositionEffect.Open), null, Now);
        Assert.Equal(RejectReason.InsufficientMargin, Assert.IsType<OrderRejected>(Assert.Single(open)).Reason);
    }

    [Fact]
    public void Inverse_contract_average_is_harmonic_and_pnl_in_coin()
    {
        var rules = new SymbolRules { Symbol = "BTC200925", BaseAsset = "BTC", QuoteAsset = "USD", IsFutures = true, IsInverse = true, ContractSize = 100m };
        Assert.Equal(2m / ((1m / 100m) + (1m / 200m)), rules.AverageEntry(1m, 100m, 1m, 200m));
        Assert.Equal(100m * ((1m / 100m) - (1m / 200m)), rules.LongPnl(100m, 200m, 1m));
        Assert.Equal("BTC", rules.SettleAsset);
    }
}
