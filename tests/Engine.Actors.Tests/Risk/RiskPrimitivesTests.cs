using Engine.Actors.Risk;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Tests.Risk;

public sealed class RiskPrimitivesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 23, 0, 0, TimeSpan.Zero);
    private static readonly LoginId Demo = new("demo");
    private static readonly Symbol Btc = new("BTC");

    [Theory]
    [InlineData("mm-lq2x1a-1", "mm")]
    [InlineData("market-maker-lq2x1a-2z", "market-maker")]
    [InlineData("manual", null)]
    [InlineData("a-1", null)]
    public void The_strategy_is_what_precedes_the_last_two_dashes(string id, string? strategy) =>
        Assert.Equal(strategy, StrategyNames.Of(new ClientOrderId(id)));

    [Theory]
    [InlineData("engine", RiskScopeKind.Engine, "engine")]
    [InlineData("login:demo", RiskScopeKind.Login, "demo")]
    [InlineData("strategy:mm", RiskScopeKind.Strategy, "mm")]
    [InlineData("symbol:BTC/USDT", RiskScopeKind.Symbol, "BTC/USDT")]
    public void Scopes_read_back_what_they_write(string text, RiskScopeKind kind, string name)
    {
        Assert.True(RiskScope.TryParse(text, out var scope));
        Assert.Equal(new RiskScope(kind, name), scope);
        Assert.Equal(text, scope.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("login:")]
    [InlineData("venue:x")]
    [InlineData(":x")]
    public void Bad_scopes_are_refused(string text) => Assert.False(RiskScope.TryParse(text, out _));

    [Fact]
    public void The_rate_window_slides_on_the_given_time()
    {
        var window = new OrderRateWindow();
        var scope = RiskScope.OfStrategy("mm");
        window.Record(scope, T0);
        window.Record(scope, T0.AddMilliseconds(500));

        Assert.Equal(2, window.Count(scope, T0.AddMilliseconds(999), TimeSpan.FromSeconds(1)));
        Assert.Equal(1, window.Count(scope, T0.AddSeconds(1), TimeSpan.FromSeconds(1)));
        Assert.Equal(0, window.Count(scope, T0.AddSeconds(2), TimeSpan.FromSeconds(1)));
        Assert.Equal(0, window.Count(RiskScope.OfLogin("other"), T0, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void The_board_decides_changes_and_ignores_a_state_already_held()
    {
        var board = new TradingStateBoard();
        var halt = board.Decide(RiskScope.OfLogin("demo"), TradingState.Halted, T0, "api", "test", cancelWorkingOrders: true);
        Assert.NotNull(halt);
        Assert.Equal((TradingState.Active, TradingState.Halted, true), (halt.From, halt.To, halt.CancelWorkingOrders));
        board.Apply(halt);

        Assert.Null(board.Decide(RiskScope.OfLogin("demo"), TradingState.Halted, T0, "api", "again", cancelWorkingOrders: false));
        var reduce = board.Decide(RiskScope.OfLogin("demo"), TradingState.Reducing, T0, "cli", "wind down", cancelWorkingOrders: true);
        Assert.Equal((TradingState.Halted, TradingState.Reducing, false), (reduce!.From, reduce.To, reduce.CancelWorkingOrders));
        board.Apply(reduce);
        board.Apply(board.Decide(RiskScope.OfLogin("demo"), TradingState.Active, T0, "cli", "done", false)!);

        Assert.Empty(board.States);
        Assert.Throws<ArgumentException>(() => board.Decide(RiskScope.OfSymbol("BTC"), TradingState.Halted, T0, "api", "x", false));
    }

    [Fact]
    public void The_ledger_counts_positions_and_the_pnl_of_the_day_at_the_mark()
    {
        var ledger = new RiskLedger();
        decimal? mark = null;
        decimal? Mark(LoginId login, Symbol symbol) => mark ?? ledger.LastFill(login, symbol);
        var buy = Submitted("mm-a-1", OrderSide.Buy, 2m);
        var sell = Submitted("mm-a-2", OrderSide.Sell, 1m);

        ledger.Observe(buy, T0, Mark);
        ledger.Observe(sell, T0, Mark);
        Assert.Equal(LedgerChange.Filled, ledger.Observe(Fill(buy, 100m, 2m), T0, Mark));
        ledger.Observe(Fill(sell, 110m, 1m), T0, Mark);

        var key = new LedgerKey(Demo, "mm", Btc);
        Assert.Equal(1m, ledger.PositionOf(key));
        Assert.Equal(20m, ledger.DailyPnl(RiskScope.OfStrategy("mm"), Mark)); // -200 + 110 + 1 x 110
        mark = 90m;
        Assert.Equal(0m, ledger.DailyPnl(RiskScope.OfLogin("demo"), Mark)); // -200 + 110 + 1 x 90
        Assert.Equal(0m, ledger.DailyPnl(RiskScope.OfStrategy("other"), Mark));
        Assert.Empty(ledger.WorkingOrders);

        // A new UTC day: the carried long counts only from the day's opening mark.
        ledger.RollDay(T0.AddHours(2), Mark);
        mark = 95m;
        Assert.Equal(5m, ledger.DailyPnl(RiskScope.Engine, Mark));
        Assert.Equal(1m, ledger.PositionOf(key));
    }

    [Fact]
    public void The_ledger_counts_venue_rejections_in_a_row_until_an_acceptance()
    {
        var ledger = new RiskLedger();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(LedgerChange.VenueRejected, ledger.Observe(new OrderRejected(Demo, new ClientOrderId($"x-1-{i}"), T0, "no"), T0, (_, _) => null));
        }

        ledger.Observe(new OrderRejected(Demo, new ClientOrderId("x-1-9"), T0, "local", IsLocal: true), T0, (_, _) => null);
        Assert.Equal(3, ledger.RejectStreak(Demo));
        ledger.Observe(new OrderAccepted(Demo, new ClientOrderId("x-1-5"), T0, new VenueOrderId("v")), T0, (_, _) => null);
        Assert.Equal(0, ledger.RejectStreak(Demo));
    }

    [Fact]
    public void The_ledger_counts_an_event_seen_twice_once_and_a_late_event_of_yesterday_does_not_reopen_that_day()
    {
        var ledger = new RiskLedger();
        decimal? Mark(LoginId login, Symbol symbol) => ledger.LastFill(login, symbol);
        var buy = Submitted("mm-a-1", OrderSide.Buy, 2m);
        var rejected = Submitted("mm-a-2", OrderSide.Sell, 1m);
        var venueNo = new OrderRejected(Demo, rejected.ClientOrderId, T0, "venue says no");
        var partial = new OrderPartiallyFilled(Demo, buy.ClientOrderId, T0, new VenueOrderId("v-1"), new FillId("f-1"), 100m, 1m);

        // As after a restart: the journaled events, then the same ones again from the live stream.
        foreach (var e in (IOrderEvent[])[buy, rejected, partial, venueNo, buy, partial, venueNo])
        {
            ledger.Observe(e, T0, Mark);
        }

        var key = new LedgerKey(Demo, "mm", Btc);
        Assert.Equal(1m, ledger.PositionOf(key));
        Assert.Equal(1, ledger.RejectStreak(Demo));

        // The next day began; a fill stamped in the old day, replayed later, keeps the new day's counters.
        ledger.Observe(new OrderPartiallyFilled(Demo, buy.ClientOrderId, T0.AddHours(2), new VenueOrderId("v-1"), new FillId("f-2"), 90m, 0.5m), T0.AddHours(2), Mark);
        var dayPnl = ledger.DailyPnlOf(key, 90m);
        ledger.Observe(new OrderSubmitted(Demo, new ClientOrderId("mm-a-3"), T0, Btc, OrderSide.Buy, OrderType.Limit, 1m, 100m), T0, Mark);
        Assert.Equal(dayPnl, ledger.DailyPnlOf(key, 90m));
        Assert.Equal(1.5m, ledger.PositionOf(key));
    }

    private static OrderSubmitted Submitted(string id, OrderSide side, decimal quantity) =>
        new(Demo, new ClientOrderId(id), T0, Btc, side, OrderType.Limit, quantity, 100m);

    private static OrderFilled Fill(OrderSubmitted order, decimal price, decimal quantity) =>
        new(Demo, order.ClientOrderId, T0, new VenueOrderId("v-" + order.ClientOrderId.Value), new FillId("f-" + order.ClientOrderId.Value), price, quantity);
}
