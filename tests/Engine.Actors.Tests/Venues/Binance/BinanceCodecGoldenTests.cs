using System.Text.Json;
using Engine.Actors.Venues.Binance;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceCodecGoldenTests
{
    public static TheoryData<string> Goldens() => [.. GoldenFrames.Names(Venue)];

    public static TheoryData<string> SignedGoldens() =>
        [.. GoldenFrames.Names(Venue).Where(n => n.StartsWith("out_", StringComparison.Ordinal)
            && DecodeRequest(GoldenFrames.Read(Venue, n))["signature"] is not null)];

    private static Type ExpectedType(string name) => name switch
    {
        _ when name.StartsWith("out_", StringComparison.Ordinal) => typeof(W.Request),
        _ when name.StartsWith("in_execution_report", StringComparison.Ordinal) => typeof(W.ExecutionReport),
        "in_outbound_account_position" => typeof(W.OutboundAccountPosition),
        "in_balance_update" => typeof(W.BalanceUpdate),
        "in_event_stream_terminated" => typeof(W.EventStreamTerminated),
        "in_server_shutdown" => typeof(W.ServerShutdown),
        _ => typeof(W.Response),
    };

    [Fact]
    public void Every_method_and_event_the_adapter_uses_has_a_golden_frame()
    {
        var names = GoldenFrames.Names(Venue).ToHashSet(StringComparer.Ordinal);
        foreach (var method in new[] { "session_logon", "session_status", "user_data_stream_subscribe", "user_data_stream_subscribe_signature",
                     "user_data_stream_unsubscribe", "time", "exchange_info", "ping", "order_place", "order_cancel", "open_orders_cancel_all",
                     "order_status", "open_orders_status", "account_status" })
        {
            Assert.Contains($"out_{method}", names);
            Assert.Contains(method == "order_place" ? "in_order_place_full" : $"in_{method}", names);
        }

        foreach (var name in new[] { "in_execution_report_new", "in_execution_report_trade", "in_execution_report_filled", "in_execution_report_canceled",
                     "in_execution_report_expired", "in_execution_report_expired_in_match", "in_execution_report_rejected",
                     "in_outbound_account_position", "in_balance_update", "in_event_stream_terminated", "in_server_shutdown",
                     "in_order_place_rejected", "in_order_place_filter_failure", "in_order_place_bad_symbol", "in_order_place_timeout",
                     "in_server_error", "in_too_many_orders", "in_banned", "in_invalid_timestamp", "in_session_revoked" })
        {
            Assert.Contains(name, names);
        }
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Golden_frame_decodes_to_its_type(string name)
    {
        var frame = Golden(name);

        Assert.IsNotType<W.Unknown>(frame);
        Assert.Equal(At, frame.ReceivedAt);
        Assert.IsType(ExpectedType(name), frame);
    }

    [Theory]
    [MemberData(nameof(Goldens))]
    public void Golden_frame_round_trips_with_the_same_fields_and_json_types(string name)
    {
        var original = GoldenFrames.Read(Venue, name);
        var encoded = BinanceCodec.EncodeToArray(BinanceCodec.Decode(original, At));

        using var expected = JsonDocument.Parse(original);
        using var actual = JsonDocument.Parse(encoded);
        Assert.Null(GoldenFrames.Difference(expected.RootElement, actual.RootElement));
        Assert.Equal(encoded, BinanceCodec.EncodeToArray(BinanceCodec.Decode(encoded, default)));
    }

    [Theory]
    [MemberData(nameof(SignedGoldens))]
    public void Signed_golden_request_carries_the_hmac_of_its_sorted_raw_params(string name)
    {
        var request = DecodeRequest(GoldenFrames.Read(Venue, name));

        Assert.Equal(DocApiKey, request["apiKey"]);
        Assert.Equal(request["signature"], BinanceSigner.Hmac(DocApiKey, DocSecret).Sign(BinanceSigner.Payload(request.Params)));
    }
}
