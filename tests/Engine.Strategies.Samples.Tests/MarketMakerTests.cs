using Akka.Actor;
using Akka.TestKit;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using Engine.TestKit;

namespace Engine.Strategies.Samples.Tests;

/// <summary>The market maker in a <see cref="StrategyHarness"/>: a probe plays the connections actor, on virtual time.</summary>
public class MarketMakerTests : EngineTestKit
{
    private const string Parameters = """
        symbol = "BTC/USDT"
        initial-mid = 100
        spread-bps = 10
        order-size = 0.5
        requote-threshold-bps = 2
        refresh-interval = 5s
        max-long = 1
        max-short = 1
        """;

    private static readonly LoginId Login = new("maker-login");
    private static readonly Symbol Btc = new("BTC/USDT");
    private static readonly SymbolRules Cents = new(Btc, PriceTick: 0.01m, SizeTick: 0.1m);
    private readonly StrategyHarness _harness;
    private readonly TestProbe _connections;

    public MarketMakerTests()
    {
        _harness = new StrategyHarness(this, "mm", [Login], Parameters, "mm.conf");
        _connections = _harness.Connections;
    }

    [Fact]
    public void Quotes_a_bid_and_an_ask_around_the_mid_once_the_login_is_ready()
    {
        StartMaker();
        var query = _connections.ExpectMsg<QuerySymbolInfo>();
        Assert.Equal((Login, Btc), (query.Login, query.Symbol));
        Publish(ConnectionState.Authenticating);
        _connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));
        _connections.ExpectNoMsg();

        Publish(ConnectionState.Ready);

        ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);
    }

    [Fact]
    public void A_successful_symbol_query_counts_as_ready_when_no_state_was_seen()
    {
        StartMaker();
        _connections.ExpectMsg<QuerySymbolInfo>();

        _connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));

        ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);
    }

    [Fact]
    public void Events_of_other_logins_are_ignored()
    {
        StartMaker();
        _connections.ExpectMsg<QuerySymbolInfo>();
        Publish(ConnectionState.Authenticating);
        _connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));

        Sys.EventStream.Publish(new ConnectionStateChanged(new LoginId("someone-else"), UtcNow, ConnectionState.Ready));

        _connections.ExpectNoMsg();
    }

    [Theory]
    [InlineData(0.1, 0.3, 99.9, 100.1, 0.3)]
    [InlineData(0.5, 0.5, 99.5, 100.5, 0.5)]
    [InlineData(0.01, 0.25, 99.95, 100.05, 0.5)]
    [InlineData(1, 0.2, 99, 101, 0.4)]
    public void Prices_and_sizes_are_rounded_to_the_symbols_ticks(double priceTick, double sizeTick, double bid, double ask, double size)
    {
        StartReady(new SymbolRules(Btc, (decimal)priceTick, (decimal)sizeTick));

        ExpectQuote(OrderSide.Buy, (decimal)bid, (decimal)size);
        ExpectQuote(OrderSide.Sell, (decimal)ask, (decimal)size);
    }

    [Fact]
    public void A_fill_moves_the_mid_and_the_maker_requotes_both_sides()
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        var ask = ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        Sys.EventStream.Publish(new OrderFilled(Login, bid.ClientOrderId, UtcNow, new VenueOrderId("v1"), new FillId("f1"), 99.95m, 0.5m));

        ExpectQuote(OrderSide.Buy, 99.90m, 0.5m);
        Assert.Equal(ask.ClientOrderId, _connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Sell, 100.00m, 0.5m);
        _connections.ExpectNoMsg();
    }

    [Fact]
    public void A_filled_status_reported_before_its_trade_waits_for_the_trade_and_quotes_around_its_price()
    {
        // The venue reports the bid Filled, then its trade: quoting in between would quote around the old mid.
        var bid = QuoteThenReportTheBidFilled();
        Advance(TimeSpan.FromSeconds(5));
        _connections.ExpectNoMsg();
        Sys.EventStream.Publish(new OrderFilled(Login, bid.ClientOrderId, UtcNow, new VenueOrderId("v1"), new FillId("f1"), 99.95m, 0.5m));

        ExpectQuote(OrderSide.Buy, 99.90m, 0.5m);
        _connections.ExpectMsg<CancelOrder>();
        ExpectQuote(OrderSide.Sell, 100.00m, 0.5m);
    }

    [Fact]
    public void A_quote_reported_filled_whose_trade_never_comes_is_replaced_after_two_refreshes()
    {
        QuoteThenReportTheBidFilled();

        Advance(TimeSpan.FromSeconds(5));
        _connections.ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(5));

        ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
    }

    [Fact]
    public void A_fill_of_a_quote_being_replaced_still_moves_the_mid_and_requotes()
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);
        Publish(ConnectionState.Reconnecting);
        _connections.ExpectMsg<CancelOrder>();
        _connections.ExpectMsg<CancelOrder>();
        Publish(ConnectionState.Ready);
        ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        // The old bid filled before its cancel took effect: inventory 0.5 and a mid of 99.8 call for new prices.
        Sys.EventStream.Publish(new OrderFilled(Login, bid.ClientOrderId, UtcNow, new VenueOrderId("v1"), new FillId("f1"), 99.8m, 0.5m));

        Assert.NotEqual(bid.ClientOrderId, _connections.ExpectMsg<CancelOrder>().ClientOrderId);
        ExpectQuote(OrderSide.Buy, 99.75m, 0.5m);
        _connections.ExpectMsg<CancelOrder>();
        ExpectQuote(OrderSide.Sell, 99.85m, 0.5m);
    }

    [Fact]
    public void A_small_move_within_the_threshold_keeps_the_working_quotes()
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        // A partial fill at 99.99 moves the mid by 1 bp: the ask (100.05 -> 100.04) stays, the bid keeps working.
        Sys.EventStream.Publish(new OrderPartiallyFilled(Login, bid.ClientOrderId, UtcNow, new VenueOrderId("v1"), new FillId("f1"), 99.99m, 0.1m));

        _connections.ExpectNoMsg();
    }

    [Fact]
    public void Filling_up_to_max_long_stops_quoting_the_bid()
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);
        Sys.EventStream.Publish(new OrderFilled(Login, bid.ClientOrderId, UtcNow, new VenueOrderId("v1"), new FillId("f1"), 100m, 0.5m));
        var second = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);

        Sys.EventStream.Publish(new OrderFilled(Login, second.ClientOrderId, UtcNow, new VenueOrderId("v2"), new FillId("f2"), 100m, 0.5m));
        _connections.ExpectNoMsg();
        Advance(TimeSpan.FromSeconds(5));

        _connections.ExpectNoMsg();
    }

    [Theory]
    [InlineData(1, 0, OrderSide.Buy)]
    [InlineData(0, 1, OrderSide.Sell)]
    public void A_position_at_the_inventory_limit_cancels_that_side_only(double longQuantity, double shortQuantity, OrderSide stopped)
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        var ask = ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        var position = new PositionSnapshot(Btc, (decimal)longQuantity, 0m, 0m, (decimal)shortQuantity, 0m, 0m, 0m, null);
        Sys.EventStream.Publish(new PositionChanged(Login, UtcNow, position));

        var canceled = _connections.ExpectMsg<CancelOrder>();
        Assert.Equal(stopped == OrderSide.Buy ? bid.ClientOrderId : ask.ClientOrderId, canceled.ClientOrderId);
        Advance(TimeSpan.FromSeconds(5));
        _connections.ExpectNoMsg();
    }

    [Theory]
    [InlineData(ConnectionState.Reconnecting)]
    [InlineData(ConnectionState.Disconnected)]
    [InlineData(ConnectionState.Stopped)]
    public void Quotes_are_canceled_when_the_login_leaves_ready_and_placed_again_when_it_is_back(ConnectionState state)
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        var ask = ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        Publish(state);

        var canceled = new[] { _connections.ExpectMsg<CancelOrder>().ClientOrderId, _connections.ExpectMsg<CancelOrder>().ClientOrderId };
        Assert.Equal(new[] { bid.ClientOrderId, ask.ClientOrderId }, canceled);
        Advance(TimeSpan.FromSeconds(5));
        _connections.ExpectNoMsg();

        Publish(ConnectionState.Ready);
        var again = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);
        Assert.NotEqual(bid.ClientOrderId, again.ClientOrderId);
    }

    [Fact]
    public void Quotes_are_canceled_when_the_maker_stops()
    {
        var maker = StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        var ask = ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        Sys.Stop(maker);

        var canceled = new[] { _connections.ExpectMsg<CancelOrder>().ClientOrderId, _connections.ExpectMsg<CancelOrder>().ClientOrderId };
        Assert.Equal(new[] { bid.ClientOrderId, ask.ClientOrderId }, canceled);
    }

    [Fact]
    public void A_rejected_quote_is_placed_again_on_the_next_refresh_not_at_once()
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        Sys.EventStream.Publish(new OrderRejected(Login, bid.ClientOrderId, UtcNow, "insufficient balance"));
        _connections.ExpectNoMsg(TimeSpan.FromMilliseconds(300));

        Advance(TimeSpan.FromSeconds(5));
        var again = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        Assert.NotEqual(bid.ClientOrderId, again.ClientOrderId);
    }

    [Fact]
    public void A_failed_symbol_query_is_retried_on_the_next_refresh()
    {
        StartMaker();
        _connections.ExpectMsg<QuerySymbolInfo>();
        _connections.Reply(new QueryFailed(Login, UtcNow, nameof(QuerySymbolInfo), "timeout", OutcomeUnknown: true));
        _connections.ExpectNoMsg();

        Advance(TimeSpan.FromSeconds(5));

        _connections.ExpectMsg<QuerySymbolInfo>();
        _connections.Reply(new SymbolInfoReply(Login, UtcNow, Cents));
        ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
    }

    [Fact]
    public void Client_order_ids_carry_the_strategy_name_and_are_unique()
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        var ask = ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);

        Assert.StartsWith("mm-", bid.ClientOrderId.Value, StringComparison.Ordinal);
        Assert.NotEqual(bid.ClientOrderId, ask.ClientOrderId);
    }

    private IActorRef StartMaker()
    {
        var context = _harness.Context;
        return _harness.Start(Props.Create(() => new MarketMaker(context)));
    }

    private IActorRef StartReady(SymbolRules rules)
    {
        var maker = StartMaker();
        _connections.ExpectMsg<QuerySymbolInfo>();
        Publish(ConnectionState.Ready);
        _connections.Reply(new SymbolInfoReply(Login, UtcNow, rules));
        return maker;
    }

    private void Publish(ConnectionState state) =>
        Sys.EventStream.Publish(new ConnectionStateChanged(Login, UtcNow, state));

    /// <summary>Quotes around 100, then the venue reports the bid Filled (no trade yet): nothing is sent.</summary>
    private SubmitOrder QuoteThenReportTheBidFilled()
    {
        StartReady(Cents);
        var bid = ExpectQuote(OrderSide.Buy, 99.95m, 0.5m);
        ExpectQuote(OrderSide.Sell, 100.05m, 0.5m);
        Sys.EventStream.Publish(new OrderStatusReported(Login, bid.ClientOrderId, UtcNow, new VenueOrderId("v1"), OrderStatus.Filled, 0.5m, 0m));
        _connections.ExpectNoMsg();
        return bid;
    }

    private SubmitOrder ExpectQuote(OrderSide side, decimal price, decimal quantity)
    {
        var order = _connections.ExpectMsg<SubmitOrder>();
        Assert.Equal(
            (Login, Btc, side, OrderType.Limit, (decimal?)price, quantity),
            (order.Login, order.Symbol, order.Side, order.Type, order.Price, order.Quantity));
        return order;
    }
}
