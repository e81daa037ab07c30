using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tests.Venues.DBot;

/// <summary>Golden frames from docs/protocols/dbot.md: every envelope in and out, the decoder's routing and the trade-result mapping.</summary>
public class DBotCodecGoldenTests
{
    private const long SeedId = 1_761_291_309;
    private static readonly LoginId Login = new("dbot-1");
    private static readonly DateTimeOffset Received = new(2025, 3, 17, 8, 0, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("in_rpc_mutation_seed", false, null, null)]
    [InlineData("in_rpc_create_string_id", false, """{"id": "m8zl720z0043pp"}""", null)]
    [InlineData("in_rpc_error_text", true, "\"unknown follow order id(s): m81lt5qn043csv; nothing was changed\"", "unknown follow order id(s): m81lt5qn043csv; nothing was changed")]
    [InlineData("in_rpc_error_object", true, """{"code": 40001, "reason": "invalid params"}""", """{"code": 40001, "reason": "invalid params"}""")]
    [InlineData("in_rpc_error_message", true, null, "rate limited")]
    public void An_rpc_response_is_matched_by_its_id_number_or_string_and_its_error_read_from_res_or_message(string name, bool err, string? res, string? error)
    {
        var codec = new DBotCodec(Login, SeedId - 1);
        codec.Encode(new DBotVenueRequest(DBotWire.ListFollowOrders, "{}"), "key-1", new ArrayBufferWriter<byte>());
        var inbound = codec.Decode(GoldenFrames.Read("DBot", name), Received);
        Assert.Equal("key-1", inbound.CorrelationKey);
        var reply = Assert.IsType<DBotRpcReply>(codec.MapReply(inbound, new DBotVenueRequest(DBotWire.ListFollowOrders, "{}")));
        Assert.Equal(err, reply.Err);
        Assert.Equal(res, reply.ResJson);
        Assert.Equal(error, reply.Error);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_a_problem_frame_not_an_exception()
    {
        var frame = Encoding.UTF8.GetBytes("{\"method\":\"tradeResultNotify\",\"result\":{\"id\":\"\\ud800\",\"state\":\"done\"}}");

        var inbound = new DBotCodec(Login).Decode(frame, DateTimeOffset.UnixEpoch);

        Assert.NotNull(inbound.Problem);
        Assert.Contains("surrogate", inbound.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_reply_for_an_id_no_call_is_waiting_for_is_a_problem_not_a_match()
    {
        var inbound = new DBotCodec(Login).Decode(GoldenFrames.Read("DBot", "in_rpc_mutation_seed"), Received);
        Assert.Null(inbound.CorrelationKey);
        Assert.Contains("1761291309", inbound.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_subscription_acknowledgement_and_unknown_methods_are_routed_by_method()
    {
        var codec = new DBotCodec(Login);
        var ack = Assert.IsType<DBotSubscribeAck>(codec.Decode(GoldenFrames.Read("DBot", "in_subscribe_response"), Received).ReplyPayload);
        Assert.True(ack.IsSubscribed);
        Assert.Equal("DBot frame with unknown method 'somethingNew' ignored", codec.Decode(GoldenFrames.Read("DBot", "in_unknown_method"), Received).Problem);
        Assert.StartsWith("unreadable DBot frame", codec.Decode("{oops"u8, Received).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_done_trade_result_becomes_a_success_with_base_units_beyond_int64_and_a_time_in_seconds()
    {
        var trade = Assert.IsType<TradeSucceeded>(Assert.Single(new DBotCodec(Login).Decode(GoldenFrames.Read("DBot", "in_trade_result_done"), Received).BookEvents));
        Assert.Equal("m8zl720z0043pp_2k9x1a", trade.ResultId);
        Assert.Equal("m8zl720z0043pp", trade.TaskId);
        Assert.Equal("follow_order", trade.Source);
        Assert.Equal("buy", trade.Side);
        Assert.Equal("So11111111111111111111111111111111111111112", trade.SendToken);
        Assert.Equal(new BigInteger(500_000_000), trade.SendAmount);
        Assert.Equal(9, trade.SendDecimals);
        Assert.Equal(BigInteger.Parse("178571428571428571428", System.Globalization.CultureInfo.InvariantCulture), trade.ReceiveAmount);
        Assert.Equal(0.42m, trade.PriceUsd);
        Assert.Equal(new BigInteger(5_000_000), trade.Fee);
        Assert.Equal(331_234_567, trade.Block);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_742_198_401), trade.ExecutedAt);
        Assert.Equal(trade.ExecutedAt, trade.Timestamp);
    }

    [Fact]
    public void A_millisecond_timestamp_and_numbers_for_amounts_and_price_are_accepted()
    {
        var trade = Assert.IsType<TradeSucceeded>(Assert.Single(new DBotCodec(Login).Decode(GoldenFrames.Read("DBot", "in_trade_result_ms_timestamp"), Received).BookEvents));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_742_198_401_500), trade.ExecutedAt);
        Assert.Equal(new BigInteger(50_000_000_000_000_000), trade.ReceiveAmount);
        Assert.Equal(0.0000095m, trade.PriceUsd);
        Assert.Equal("follow_take_profit", trade.SubSource);
    }

    [Fact]
    public void A_failed_trade_is_decided_by_its_state_whatever_its_type_says_and_progress_states_are_not_results()
    {
        var codec = new DBotCodec(Login);
        var failed = Assert.IsType<TradeFailed>(Assert.Single(codec.Decode(GoldenFrames.Read("DBot", "in_trade_result_fail"), Received).BookEvents));
        Assert.Equal("E_OTHERS", failed.ErrorCode);
        Assert.Equal("fail", failed.Side);
        Assert.Equal("m8zl720z0043pp", failed.TaskId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_742_198_400_123), failed.Timestamp);
        Assert.Same(VenueInbound.Empty, codec.Decode(GoldenFrames.Read("DBot", "in_trade_result_processing"), Received));
    }

    [Fact]
    public void A_listed_page_keeps_each_whole_object()
    {
        var codec = new DBotCodec(Login, SeedId - 1);
        codec.Encode(DBotMapper.ListFollowOrders(0, null), "k", new ArrayBufferWriter<byte>());
        var reply = (DBotRpcReply)codec.Decode(GoldenFrames.Read("DBot", "in_list_follow_orders"), Received).ReplyPayload!;
        var order = Assert.Single(DBotMapper.FollowOrders(reply.ResJson).Value!);
        Assert.Equal(("m8zl720z0043pp", "copy-a", "solana", true, "sol-main"), (order.Id, order.Name, order.Chain, order.Enabled, order.WalletId));
        Assert.Equal(["4Be9CvxqHW6BYiRAxW9Q3xu1ycTMWaL5z8NX4HR3ha7t"], order.TargetIds.ToArray());
        Assert.Contains("\"maxBuyAmountPerToken\": null", order.Json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out_batch_toggle")]
    [InlineData("out_delete_follow_orders")]
    [InlineData("out_list_follow_orders")]
    public void Requests_are_written_as_the_reference_shows_with_closePnlOrder_a_boolean_and_ids_for_deletes(string name)
    {
        var request = name switch
        {
            "out_batch_toggle" => DBotMapper.Request(new ToggleFollowOrders(Login, new TaskCommandId("c1"), Received, ["m8zl720z0043pp", "m81lt5qn043csv", "m7cpk8n00043l1"], Enabled: true)).Value!,
            "out_delete_follow_orders" => DBotMapper.Request(new DeleteFollowOrders(Login, new TaskCommandId("c1"), Received, ["m8zl720z0043pp"])).Value!,
            _ => DBotMapper.ListFollowOrders(0, "solana"),
        };
        var output = new ArrayBufferWriter<byte>();
        Assert.Equal(request.Method, new DBotCodec(Login).Encode(request, "k", output).Value);
        AssertSame(name, output.WrittenSpan);
    }

    [Fact]
    public void The_subscription_is_written_without_id_or_params()
    {
        var output = new ArrayBufferWriter<byte>();
        DBotCodec.WriteSubscribe(["follow_buy_success", "follow_sell_success"], output);
        AssertSame("out_subscribe", output.WrittenSpan);
    }

    [Fact]
    public void Exchange_order_requests_have_no_DBot_call()
    {
        var encoded = new DBotCodec(Login).Encode(new BalancesVenueRequest(), "k", new ArrayBufferWriter<byte>());
        Assert.Contains("automation tasks", encoded.Error, StringComparison.Ordinal);
    }

    private static void AssertSame(string golden, ReadOnlySpan<byte> written)
    {
        using var expected = JsonDocument.Parse(GoldenFrames.Read("DBot", golden));
        using var actual = JsonDocument.Parse(written.ToArray());
        Assert.Null(GoldenFrames.Difference(expected.RootElement, actual.RootElement));
        Assert.Equal(expected.RootElement.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal), Encoding.UTF8.GetString(written));
    }
}
