using System.Text;
using System.Text.Json;
using Engine.Actors.Venues.Binance;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceCodecTests
{
    [Theory]
    [InlineData("0.01000000", "0.01")]
    [InlineData("100.0", "100")]
    [InlineData("100", "100")]
    [InlineData("0", "0")]
    [InlineData("-0.000", "0")]
    [InlineData("0.00000001", "0.00000001")]
    [InlineData("23416.10000000", "23416.1")]
    [InlineData("12345678901234567890.5", "12345678901234567890.5")]
    [InlineData("-1.50", "-1.5")]
    public void Decimals_are_plain_invariant_without_trailing_zeros_or_exponent(string value, string expected)
    {
        var formatted = BinanceCodec.FormatDecimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, formatted);
        Assert.DoesNotContain('E', formatted);
    }

    [Fact]
    public void Execution_report_letters_are_case_sensitive()
    {
        var report = Assert.IsType<W.ExecutionReport>(Golden("in_execution_report_canceled"));

        Assert.Equal("cancel-7f2a", report.ClientOrderId);
        Assert.Equal("mUvoqJxFIILMdfAW5iGSOW", report.OriginalClientOrderId);
        Assert.Equal("CANCELED", report.ExecutionType);
        Assert.Equal("CANCELED", report.OrderStatus);
        Assert.Equal("BUY", report.Side);
        Assert.Equal("ETHBTC", report.Symbol);
        Assert.Equal(0.10264410m, report.Price);
        Assert.Equal(0m, report.StopPrice);
        Assert.Equal(1499405661000, report.EventTime);
        Assert.Equal(1499405660999, report.TransactionTime);
        Assert.Equal(0, report.SubscriptionId);
    }

    [Fact]
    public void Execution_report_trade_carries_trade_id_commission_and_maker_flag()
    {
        var report = Assert.IsType<W.ExecutionReport>(Golden("in_execution_report_trade"));

        Assert.Equal(1650422499, report.TradeId);
        Assert.Equal(0.40000000m, report.LastQuantity);
        Assert.Equal(0.10264410m, report.LastPrice);
        Assert.Equal(0.00004106m, report.Commission);
        Assert.Equal("BNB", report.CommissionAsset);
        Assert.True(report.IsMaker);
        Assert.Equal(4293153, report.OrderId);
    }

    [Fact]
    public void Null_commission_asset_and_missing_trade_are_read()
    {
        var report = Assert.IsType<W.ExecutionReport>(Golden("in_execution_report_new"));

        Assert.Null(report.CommissionAsset);
        Assert.Equal(-1, report.TradeId);
        Assert.Equal(1499405658657, report.WorkingTime);
        Assert.Null(report.ExpiryReason);
        Assert.Equal("UNFILLED_IOC_QUANTITY_EXPIRED", Assert.IsType<W.ExecutionReport>(Golden("in_execution_report_expired")).ExpiryReason);
    }

    [Fact]
    public void Server_shutdown_has_no_subscription_and_account_position_lists_assets()
    {
        Assert.Null(Assert.IsType<W.ServerShutdown>(Golden("in_server_shutdown")).SubscriptionId);
        var position = Assert.IsType<W.OutboundAccountPosition>(Golden("in_outbound_account_position"));
        Assert.Equal(1564034571073, position.LastUpdateTime);
        Assert.Equal(new W.AccountBalance("BTC", 0.4m, 1m), position.Balances[1]);
        var update = Assert.IsType<W.BalanceUpdate>(Golden("in_balance_update"));
        Assert.Equal(("BTC", 100m, 1573200697068L), (update.Asset, update.Delta, update.ClearTime));
    }

    [Theory]
    [InlineData("in_time", W.IdKind.Text, "187d3cb2-942d-484c-8271-4e2141bbadb1")]
    [InlineData("in_time_numeric_id", W.IdKind.Number, "1")]
    [InlineData("in_session_revoked", W.IdKind.Null, null)]
    public void Response_id_keeps_its_json_type(string name, W.IdKind kind, string? id)
    {
        var response = Response(name);

        Assert.Equal(kind, response.IdKind);
        Assert.Equal(id, response.Id);
    }

    [Fact]
    public void Ban_response_reads_retry_after_and_server_time_from_error_data()
    {
        var response = Response("in_banned");

        Assert.Equal(418, response.Status);
        Assert.Equal(new W.Error(-1003, response.Error!.Msg, 1659142907531, 1659146400000), response.Error);
        Assert.Equal(new W.RateLimit("REQUEST_WEIGHT", "MINUTE", 1, 6000, 2411), Assert.Single(response.RateLimits));
    }

    [Fact]
    public void Rate_limits_of_an_order_response_have_their_periods()
    {
        var limits = Response("in_order_place_full").RateLimits;

        Assert.Equal(
            [("ORDERS", TimeSpan.FromSeconds(10), 1), ("ORDERS", TimeSpan.FromDays(1), 1), ("REQUEST_WEIGHT", TimeSpan.FromMinutes(1), 1)],
            limits.Select(l => (l.RateLimitType, l.Period!.Value, l.Count!.Value)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("{\"status\":\"x\"}")]
    [InlineData("{\"event\":{\"E\":1}}")]
    [InlineData("{\"event\":{\"e\":\"executionReport\",\"E\":1}}")]
    [InlineData("{\"event\":{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":1,\"B\":[{\"a\":\"BTC\",\"f\":\"x\",\"l\":\"0\"}]}}")]
    [InlineData("{\"id\":{},\"status\":200}")]
    [InlineData("{\"method\":\"ping\"}")]
    public void Unreadable_frames_decode_to_unknown_without_throwing(string json)
    {
        var frame = BinanceCodec.Decode(Encoding.UTF8.GetBytes(json), At);

        Assert.False(string.IsNullOrEmpty(Assert.IsType<W.Unknown>(frame).Reason));
    }

    [Fact]
    public void Unused_event_types_are_kept_by_name()
    {
        var frame = BinanceCodec.Decode("{\"subscriptionId\":3,\"event\":{\"e\":\"listStatus\",\"E\":5}}"u8, At);

        var other = Assert.IsType<W.OtherEvent>(frame);
        Assert.Equal(("listStatus", 3, 5L), (other.EventType, other.SubscriptionId!.Value, other.EventTime));
    }

    [Fact]
    public void Full_order_result_reads_fills_with_trade_ids()
    {
        var order = BinanceCodec.ReadOrder(Response("in_order_place_full").Result!.Value).Value!;

        Assert.Equal((12569099453L, "FILLED", 0.00847m, 0.00847m), (order.OrderId, order.Status, order.OrigQty!.Value, order.ExecutedQty!.Value));
        Assert.Equal([1650422481L, 1650422482L], order.Fills.Select(f => f.TradeId));
        Assert.Equal(new W.Fill(23416.5m, 0.00212m, 0m, "BNB", 1650422482), order.Fills[1]);
        Assert.Equal(198.33521500m, order.CummulativeQuoteQty);
    }

    [Fact]
    public void Ack_order_result_has_no_status()
    {
        var order = BinanceCodec.ReadOrder(Response("in_order_place_ack").Result!.Value).Value!;

        Assert.Null(order.Status);
        Assert.Empty(order.Fills);
        Assert.Equal(1660801715639, order.TransactTime);
    }

    [Fact]
    public void Cancel_all_skips_order_list_reports()
    {
        var orders = BinanceCodec.ReadOrders(Response("in_open_orders_cancel_all").Result!.Value).Value!;

        var order = Assert.Single(orders);
        Assert.Equal(("4d96324ff9d44481926157", "91fe37ce9e69c90d6358c0"), (order.OrigClientOrderId, order.ClientOrderId));
    }

    [Fact]
    public void Account_exchange_info_session_and_subscription_results_are_read()
    {
        var account = BinanceCodec.ReadAccount(Response("in_account_status").Result!.Value).Value!;
        Assert.Equal(["BNB", "BTC", "USDT"], account.Balances.Select(b => b.Asset));
        Assert.Equal(0.00847m, account.Balances[1].Locked);

        var info = BinanceCodec.ReadExchangeInfo(Response("in_exchange_info").Result!.Value).Value!;
        Assert.Equal(4, info.RateLimits.Length);
        Assert.Null(info.RateLimits[0].Count);
        Assert.Equal(6, Assert.Single(info.Symbols).Filters.Length);

        var session = BinanceCodec.ReadSession(Response("in_session_logon").Result!.Value).Value!;
        Assert.Equal((DocApiKey, 1649729878630L, (bool?)false), (session.ApiKey, session.ServerTime, session.UserDataStream));
        Assert.Null(BinanceCodec.ReadSession(Response("in_session_status").Result!.Value).Value!.ApiKey);

        Assert.Equal(0, BinanceCodec.ReadSubscriptionId(Response("in_user_data_stream_subscribe").Result!.Value));
        Assert.Null(BinanceCodec.ReadSubscriptionId(Response("in_user_data_stream_subscribe_legacy").Result!.Value));
        Assert.Equal(1656400526260, BinanceCodec.ReadServerTime(Response("in_time").Result!.Value));
    }

    [Fact]
    public void Unreadable_results_are_errors_not_exceptions()
    {
        using var doc = JsonDocument.Parse("{\"symbol\":\"BTCUSDT\",\"orderId\":\"abc\"}");

        Assert.False(BinanceCodec.ReadOrder(doc.RootElement).IsOk);
        Assert.False(BinanceCodec.ReadOrders(doc.RootElement).IsOk);
        Assert.False(BinanceCodec.ReadAccount(doc.RootElement).IsOk);
        Assert.False(BinanceCodec.ReadExchangeInfo(doc.RootElement).IsOk);
    }

    [Fact]
    public void Request_params_keep_their_json_kinds()
    {
        var request = DecodeRequest(GoldenFrames.Read(Venue, "out_order_status"));

        Assert.Equal(W.ParamKind.Number, request.Params.Single(p => p.Name == "orderId").Kind);
        Assert.Equal("12569099453", request["orderId"]);
        Assert.Equal(W.ParamKind.Text, request.Params.Single(p => p.Name == "symbol").Kind);
        Assert.Equal(W.ParamKind.Json, DecodeRequest(GoldenFrames.Read(Venue, "out_exchange_info_symbols")).Params.Single().Kind);
    }
}
