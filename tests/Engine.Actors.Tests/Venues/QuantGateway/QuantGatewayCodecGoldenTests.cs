using System.Text.Json;
using Engine.Actors.Venues.QuantGateway;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Tests.Venues.QuantGateway;

public class QuantGatewayCodecGoldenTests
{
    private const string Venue = "QuantGateway";
    private static readonly DateTimeOffset At = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Golden() => [.. GoldenFrames.Names(Venue)];

    private static readonly Dictionary<string, Type> ExpectedTypes = new(StringComparer.Ordinal)
    {
        ["in_pong"] = typeof(W.Pong),
        ["in_state_ready"] = typeof(W.State),
        ["in_state_fatal"] = typeof(W.State),
        ["in_state_connect"] = typeof(W.State),
        ["in_state_reconnecting"] = typeof(W.State),
        ["in_state_general_error"] = typeof(W.State),
        ["out_cancel_order_all"] = typeof(W.CancelOrderRequest),
        ["in_error"] = typeof(W.Error),
        ["in_notify_order"] = typeof(W.OrderNotification),
        ["in_notify_order_ftx_market"] = typeof(W.OrderNotification),
        ["in_notify_fill"] = typeof(W.FillNotification),
        ["in_notify_fill_no_liquidity"] = typeof(W.FillNotification),
        ["in_notify_position"] = typeof(W.PositionNotification),
        ["in_notify_asset"] = typeof(W.AssetNotification),
        ["out_ping"] = typeof(W.PingRequest),
        ["out_login"] = typeof(W.LoginRequest),
        ["out_logout"] = typeof(W.LogoutRequest),
        ["out_place_order"] = typeof(W.PlaceOrderRequest),
        ["out_place_order_future_open_short"] = typeof(W.PlaceOrderRequest),
        ["out_cancel_order"] = typeof(W.CancelOrderRequest),
        ["out_open_orders"] = typeof(W.OpenOrdersRequest),
        ["out_asset"] = typeof(W.AssetRequest),
        ["out_position"] = typeof(W.PositionRequest),
        ["out_symbol_info"] = typeof(W.SymbolInfoRequest),
    };

    [Fact]
    public void Every_message_of_the_reference_has_a_golden_frame()
    {
        var names = GoldenFrames.Names(Venue).ToHashSet(StringComparer.Ordinal);
        foreach (var op in new[] { "ping", "login", "logout", "place_order", "cancel_order", "open_orders", "asset", "position", "symbol_info" })
        {
            Assert.Contains($"out_{op}", names);
        }

        foreach (var name in new[] { "in_pong", "in_login_reply", "in_logout_reply", "in_place_order_reply", "in_cancel_order_reply",
                     "in_open_orders_reply", "in_asset_reply", "in_position_reply", "in_symbol_info_reply", "in_state_ready",
                     "in_error", "in_notify_order", "in_notify_fill", "in_notify_position", "in_notify_asset" })
        {
            Assert.Contains(name, names);
        }
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Golden_frame_decodes_to_its_type(string name)
    {
        var frame = QuantGatewayCodec.Decode(GoldenFrames.Read(Venue, name), At);

        Assert.IsNotType<W.Unknown>(frame);
        Assert.Equal(At, frame.ReceivedAt);
        var expected = ExpectedTypes.GetValueOrDefault(name) ?? (name.EndsWith("_reply", StringComparison.Ordinal) || name.Contains("_reply_", StringComparison.Ordinal) ? typeof(W.Reply) : null);
        Assert.NotNull(expected);
        Assert.IsType(expected, frame);
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void Golden_frame_round_trips_with_the_same_fields_and_types(string name)
    {
        var original = GoldenFrames.Read(Venue, name);
        var frame = QuantGatewayCodec.Decode(original, At);
        var encoded = QuantGatewayCodec.EncodeToArray(frame);

        using var expected = JsonDocument.Parse(original);
        using var actual = JsonDocument.Parse(encoded);
        Assert.Null(GoldenFrames.Difference(expected.RootElement, actual.RootElement));
        Assert.Equal(frame with { ReceivedAt = default }, QuantGatewayCodec.Decode(encoded, default), FrameComparer.Instance);
    }
}
