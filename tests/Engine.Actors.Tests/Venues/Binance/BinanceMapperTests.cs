using Engine.Actors.Budget;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceMapperTests
{
    private static readonly LoginId Login = new("bn-1");
    private static readonly Symbol BtcUsdt = new("BTCUSDT");
    private static readonly ClientOrderId Cid = new("mm-000001");

    private static SubmitOrder Order(OrderType type, decimal quantity, decimal? price, TimeInForce tif = TimeInForce.Gtc, string cid = "mm-000001") =>
        new(Login, new ClientOrderId(cid), At, BtcUsdt, OrderSide.Buy, type, quantity, price, tif);

    [Theory]
    [InlineData("NEW", OrderStatus.Accepted)]
    [InlineData("PARTIALLY_FILLED", OrderStatus.PartiallyFilled)]
    [InlineData("FILLED", OrderStatus.Filled)]
    [InlineData("CANCELED", OrderStatus.Canceled)]
    [InlineData("PENDING_CANCEL", OrderStatus.PendingCancel)]
    [InlineData("REJECTED", OrderStatus.Rejected)]
    [InlineData("EXPIRED", OrderStatus.Expired)]
    [InlineData("EXPIRED_IN_MATCH", OrderStatus.Expired)]
    [InlineData("PENDING_NEW", null)]
    [InlineData("new", null)]
    public void Order_status_maps_case_sensitively(string wire, OrderStatus? expected)
    {
        Assert.Equal(expected, BinanceMapper.ToStatus(wire));
    }

    [Theory]
    [InlineData("in_order_place_rejected", BinanceErrorKind.Rejected, -2010)]
    [InlineData("in_order_place_filter_failure", BinanceErrorKind.Rejected, -1013)]
    [InlineData("in_order_place_bad_symbol", BinanceErrorKind.Rejected, -1121)]
    [InlineData("in_order_place_timeout", BinanceErrorKind.Unknown, -1007)]
    [InlineData("in_server_error", BinanceErrorKind.Unknown, -1000)]
    [InlineData("in_too_many_orders", BinanceErrorKind.RateLimited, -1015)]
    [InlineData("in_too_much_weight", BinanceErrorKind.RateLimited, -1003)]
    [InlineData("in_banned", BinanceErrorKind.Banned, -1003)]
    [InlineData("in_invalid_timestamp", BinanceErrorKind.TimestampOutsideWindow, -1021)]
    [InlineData("in_order_status_missing", BinanceErrorKind.NotFound, -2013)]
    [InlineData("in_session_revoked", BinanceErrorKind.SessionRevoked, -2015)]
    [InlineData("in_order_cancel_unknown", BinanceErrorKind.Rejected, -2011)]
    [InlineData("in_subscription_active", BinanceErrorKind.Rejected, -2035)]
    public void Errors_are_classified(string golden, BinanceErrorKind kind, int code)
    {
        var error = BinanceMapper.ClassifyError(Response(golden));

        Assert.NotNull(error);
        Assert.Equal((kind, code), (error.Kind, error.Code));
        Assert.Contains(error.Message, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_success_is_no_error()
    {
        Assert.Null(BinanceMapper.ClassifyError(Response("in_order_place_full")));
    }

    [Theory]
    [InlineData("in_order_place_rejected", typeof(RequestRefusedReply), "Binance -2010: Account has insufficient balance for requested action.")]
    [InlineData("in_order_place_filter_failure", typeof(RequestRefusedReply), "Binance -1013: Filter failure: LOT_SIZE")]
    [InlineData("in_order_place_bad_symbol", typeof(RequestRefusedReply), "Binance -1121: Invalid symbol.")]
    [InlineData("in_invalid_timestamp", typeof(RequestRefusedReply), "Binance -1021: Timestamp for this request is outside of the recvWindow.")]
    [InlineData("in_order_place_timeout", typeof(UnreadableReply), "outcome unknown (Binance 400 -1007: Timeout waiting for response from backend server. Send status unknown; execution status unknown.)")]
    [InlineData("in_server_error", typeof(UnreadableReply), "outcome unknown (Binance 503 -1000: An unknown error occurred while processing the request.)")]
    [InlineData("in_too_many_orders", typeof(RequestRefusedReply), "rate limited (Binance 429 -1015: Too many new orders; current limit is 50 orders per 10 SECOND.)")]
    [InlineData("in_banned", typeof(RequestRefusedReply), "IP banned (Binance 418 -1003: Way too much request weight used; IP banned until 1659146400000. Please use WebSocket Streams for live updates to avoid bans.); banned until 2022-07-30T02:00:00.000Z")]
    public void Failed_placement_is_a_rejection_only_when_nothing_happened(string golden, Type replyType, string reason)
    {
        var reply = BinanceMapper.ToReply(Response(golden), new PlaceOrderVenueRequest(Order(OrderType.Limit, 1m, 10m)));

        Assert.IsType(replyType, reply);
        Assert.Equal(reason, reply switch { RequestRefusedReply r => r.Reason, UnreadableReply u => u.Reason, _ => null });
    }

    [Fact]
    public void Placement_reply_carries_the_order_id()
    {
        Assert.Equal(new OrderPlacedReply(new VenueOrderId("12569099453")), BinanceMapper.ToReply(Response("in_order_place_full"), new PlaceOrderVenueRequest(Order(OrderType.Limit, 1m, 10m))));
        Assert.Equal(new OrderPlacedReply(new VenueOrderId("12569099453")), BinanceMapper.ToReply(Response("in_order_place_ack"), new BinancePlaceQuoteOrderRequest(Order(OrderType.Market, 1m, null), 100m)));
    }

    [Fact]
    public void Cancel_replies_become_cancel_results()
    {
        var one = new CancelOrdersVenueRequest(BtcUsdt, [new VenueOrderId("12569099453")]);
        var all = new CancelOrdersVenueRequest(BtcUsdt, []);

        var ok = Assert.IsType<CancelResultsReply>(BinanceMapper.ToReply(Response("in_order_cancel"), one));
        Assert.Equal(new CancelResult(new VenueOrderId("12569099453"), true, string.Empty), Assert.Single(ok.Results));

        var refused = Assert.IsType<CancelResultsReply>(BinanceMapper.ToReply(Response("in_order_cancel_unknown"), one));
        Assert.Equal(new CancelResult(new VenueOrderId("12569099453"), false, "Binance -2011: Unknown order sent."), Assert.Single(refused.Results));

        Assert.Empty(Assert.IsType<CancelResultsReply>(BinanceMapper.ToReply(Response("in_order_cancel_unknown"), all)).Results);

        var cancelAll = Assert.IsType<CancelResultsReply>(BinanceMapper.ToReply(Response("in_open_orders_cancel_all"), all));
        Assert.Equal([new VenueOrderId("12569099453")], cancelAll.Results.Select(r => r.VenueOrderId));
    }

    [Fact]
    public void Open_orders_list_the_venue_view_for_reconciliation()
    {
        var reply = Assert.IsType<OpenOrdersListedReply>(BinanceMapper.ToReply(Response("in_open_orders_status"), new OpenOrdersVenueRequest(BtcUsdt)));

        var order = Assert.Single(reply.Orders);
        Assert.Equal(
            (new VenueOrderId("12569099460"), (ClientOrderId?)new ClientOrderId("mm-000050"), OrderSide.Buy, OrderType.Limit, OrderStatus.PartiallyFilled, 23416.1m, 0.00847m, 0.00647m),
            (order.VenueOrderId, order.ClientOrderId, order.Side, order.Type, order.Status, order.Price!.Value, order.Quantity, order.Remaining));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1660801715639), order.CreatedAt);
    }

    [Fact]
    public void Order_status_resolves_an_unknown_order_or_says_it_is_missing()
    {
        var request = new BinanceOrderStatusRequest(BtcUsdt, Cid);

        var found = Assert.IsType<BinanceOrderStatusReply>(BinanceMapper.ToReply(Response("in_order_status"), request));
        Assert.Equal((OrderStatus.Filled, 0m), (found.Order!.Status, found.Order.Remaining));
        Assert.Null(found.Missing);

        var missing = Assert.IsType<BinanceOrderStatusReply>(BinanceMapper.ToReply(Response("in_order_status_missing"), request));
        Assert.Null(missing.Order);
        Assert.Equal("Binance -2013: Order does not exist.", missing.Missing);
    }

    [Fact]
    public void Account_status_lists_balances_with_totals()
    {
        var reply = Assert.IsType<BalancesListedReply>(BinanceMapper.ToReply(Response("in_account_status"), new BalancesVenueRequest()));

        Assert.Equal(new Engine.Messages.Accounts.Balance("BTC", 3m, 0.00847m, 3.00847m), reply.Balances[1]);
        Assert.Equal(3, reply.Balances.Length);
    }

    [Fact]
    public void Exchange_info_filters_become_symbol_rules()
    {
        var reply = Assert.IsType<SymbolRulesListedReply>(BinanceMapper.ToReply(Response("in_exchange_info"), new SymbolInfoVenueRequest(BtcUsdt)));

        Assert.Equal(
            new Engine.Messages.Markets.SymbolRules(BtcUsdt, 0.01m, 0.00001m, 0.00001m, 9000m, 5m, 9000000m, "BTC", "USDT"),
            reply.Rules);
        Assert.IsType<RequestRefusedReply>(BinanceMapper.ToReply(Response("in_exchange_info"), new SymbolInfoVenueRequest(new Symbol("ETHUSDT"))));
    }

    [Theory]
    [InlineData("NOTIONAL", "5", "0", 5.0, null)]
    [InlineData("MIN_NOTIONAL", "10", null, 10.0, null)]
    [InlineData("NOTIONAL", "0", "100000", null, 100000.0)]
    public void Notional_filters_and_disabled_zeros(string type, string min, string? max, double? expectedMin, double? expectedMax)
    {
        var info = new W.SymbolInfo("BTCUSDT", "TRADING", "BTC", "USDT",
        [
            new W.SymbolFilter("PRICE_FILTER", TickSize: 0m),
            new W.SymbolFilter("LOT_SIZE", MinQty: 0m, MaxQty: 0m, StepSize: 0.001m),
            new W.SymbolFilter(type, MinNotional: decimal.Parse(min, System.Globalization.CultureInfo.InvariantCulture), MaxNotional: max is null ? null : decimal.Parse(max, System.Globalization.CultureInfo.InvariantCulture)),
        ]);

        var rules = BinanceMapper.ToSymbolRules(info);

        Assert.Equal((0m, 0.001m, (decimal?)null, (decimal?)null), (rules.PriceTick, rules.SizeTick, rules.MinQuantity, rules.MaxQuantity));
        Assert.Equal((decimal?)expectedMin, rules.MinNotional);
        Assert.Equal((decimal?)expectedMax, rules.MaxNotional);
    }

    [Fact]
    public void Rate_limits_of_every_response_resync_the_budget()
    {
        var budget = new RateBudget<int>(new BinanceOptions { ApiKey = "k", PrivateKeyEnv = "X" }.BudgetWindows);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1660801715639);

        BinanceMapper.Feedback(Response("in_too_many_orders"), now).ApplyTo(budget, now);

        var usage = budget.Usage(now).ToDictionary(u => u.Window.ToString(), u => u.Used);
        Assert.Equal(88, usage["REQUEST_WEIGHT 6000/1min"]);
        Assert.Equal(50, usage["ORDERS 50/10s"]);
        Assert.Equal(1200, usage["ORDERS 160000/1d"]);
    }

    [Fact]
    public void Too_many_orders_without_retry_after_pauses_until_the_next_ten_second_boundary()
    {
        var received = DateTimeOffset.FromUnixTimeMilliseconds(1660801713456);

        var feedback = BinanceMapper.Feedback(Response("in_too_many_orders"), received);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1660801720000), feedback.PauseUntil);
        Assert.Null(feedback.BannedUntil);
        Assert.False(feedback.ResyncTime);
    }

    [Theory]
    [InlineData("in_too_much_weight", 1659142920000L, null, false)]
    [InlineData("in_banned", null, 1659146400000L, false)]
    [InlineData("in_invalid_timestamp", null, null, true)]
    [InlineData("in_order_place_full", null, null, false)]
    public void Feedback_pauses_bans_and_asks_for_a_time_resync(string golden, long? pauseMs, long? banMs, bool resync)
    {
        var feedback = BinanceMapper.Feedback(Response(golden), At);

        Assert.Equal(pauseMs is { } p ? DateTimeOffset.FromUnixTimeMilliseconds(p) : null, feedback.PauseUntil);
        Assert.Equal(banMs is { } b ? DateTimeOffset.FromUnixTimeMilliseconds(b) : null, feedback.BannedUntil);
        Assert.Equal(resync, feedback.ResyncTime);
    }

    [Fact]
    public void Ban_without_data_reads_the_end_from_the_message()
    {
        var response = new W.Response("x", W.IdKind.Text, 418, null, new W.Error(-1003, "Way too much request weight used; IP banned until 1659146400000."), []);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1659146400000), BinanceMapper.Feedback(response, At).BannedUntil);
    }

    [Fact]
    public void Budget_applies_a_ban_and_a_pause()
    {
        var budget = new RateBudget<int>([RateWindowSpec.BinanceRequestWeight]);
        BinanceMapper.Feedback(Response("in_banned"), At).ApplyTo(budget, At);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1659146400000), budget.BannedUntil(DateTimeOffset.FromUnixTimeMilliseconds(1659142907531)));
    }

    [Theory]
    [InlineData("in_user_data_stream_subscribe", BinanceSubscribeOutcome.Subscribed, 0)]
    [InlineData("in_user_data_stream_subscribe_signature", BinanceSubscribeOutcome.Subscribed, 1)]
    [InlineData("in_user_data_stream_subscribe_legacy", BinanceSubscribeOutcome.Subscribed, null)]
    [InlineData("in_subscription_active", BinanceSubscribeOutcome.AlreadyActive, null)]
    [InlineData("in_server_error", BinanceSubscribeOutcome.Failed, null)]
    public void Subscribe_answers_are_classified(string golden, BinanceSubscribeOutcome outcome, int? id)
    {
        var subscription = BinanceMapper.ToSubscription(Response(golden));

        Assert.Equal((outcome, id), (subscription.Outcome, subscription.SubscriptionId));
        Assert.Equal(outcome is BinanceSubscribeOutcome.Subscribed, subscription.Reason is null);
    }

    [Fact]
    public void Exhausted_subscription_ids_ask_for_a_new_connection()
    {
        var response = new W.Response("s", W.IdKind.Text, 400, null, new W.Error(-2042, "Maximum subscription ID reached for this connection."), []);

        Assert.Equal(BinanceSubscribeOutcome.Reconnect, BinanceMapper.ToSubscription(response).Outcome);
    }
}
