using System.Text;
using Engine.Actors.Venues.QuantGateway;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Tests.Venues.QuantGateway;

public class QuantGatewayCodecTests
{
    private static QuantGatewayFrame Decode(string json) => QuantGatewayCodec.Decode(Encoding.UTF8.GetBytes(json), default);

    private static QuantGatewayFrame Golden(string name) => QuantGatewayCodec.Decode(GoldenFrames.Read("QuantGateway", name), default);

    [Theory]
    [InlineData("5", "5")]
    [InlineData("100.0", "100.0")]
    [InlineData("1e-08", "0.00000001")]
    [InlineData("2.5E+2", "250")]
    [InlineData("\"0.5\"", "0.5")]
    [InlineData("\"1e-3\"", "0.001")]
    public void Numbers_are_read_leniently(string raw, string expected)
    {
        var frame = Assert.IsType<W.FillNotification>(Decode(
            $$$"""{"op":"notify","topic":"fill","token":"t","data":{"order_no":"1","fill_no":"f","price":1,"quantity":{{{raw}}},"side":"BUY","liquidity":null,"ctime":1}}"""));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), frame.Data.Quantity);
        Assert.Null(frame.Data.Liquidity);
        Assert.Null(frame.Data.Symbol);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("{\"op\":\"pong\",\"ts\":1} {\"op\":\"pong\",\"ts\":2}", "not JSON")]
    [InlineData("{\"op\":\"notify\",\"topic\":\"order\",\"token\":\"t\",\"data\":[]}", "expected an object holding 'order_no', got Array")]
    [InlineData("{\"op\":\"open_orders\",\"cid\":\"c\",\"result\":true,\"data\":{}}", "field 'data' must be a list, not Object")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("123", "JSON object")]
    [InlineData("{}", "no string 'op'")]
    [InlineData("{\"op\":5}", "no string 'op'")]
    [InlineData("{\"op\":\"frobnicate\"}", "unknown op 'frobnicate'")]
    [InlineData("{\"op\":\"pong\"}", "missing field 'ts'")]
    [InlineData("{\"op\":\"state\",\"token\":\"t\",\"code\":\"x\",\"msg\":\"\"}", "field 'code' must be a number")]
    [InlineData("{\"op\":\"notify\",\"topic\":\"trade\",\"token\":\"t\",\"data\":{}}", "unknown notify topic 'trade'")]
    [InlineData("{\"op\":\"place_order\",\"cid\":\"c\",\"result\":\"yes\",\"error_message\":\"\"}", "field 'result' must be true or false")]
    public void Unreadable_frames_become_unknown_with_a_reason(string json, string reason)
    {
        var unknown = Assert.IsType<W.Unknown>(Decode(json));
        Assert.Contains(reason, unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_are_decoded()
    {
        var reply = Assert.IsType<W.Reply>(Golden("in_place_order_reply_failed"));
        Assert.False(reply.Result);
        Assert.Null(reply.OrderNo);
        Assert.Contains("订单金额太小", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.StartsWith("{'status': 'error'", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Pong_keeps_the_raw_ts_of_any_type()
    {
        Assert.Equal("\"abc\"", Assert.IsType<W.Pong>(Decode("""{"op":"pong","ts":"abc"}""")).TsJson);
        Assert.Equal("""{"op":"pong","ts":"abc"}""", Encoding.UTF8.GetString(QuantGatewayCodec.EncodeToArray(new W.Pong("\"abc\""))));
    }

    [Theory]
    [InlineData("\"c-1\"", "c-1")]
    [InlineData("\"\"", "")]
    [InlineData("17", "17")]
    [InlineData("null", null)]
    public void Cid_is_read_as_text(string raw, string? expected)
    {
        var reply = Assert.IsType<W.Reply>(Decode($$"""{"op":"asset","cid":{{raw}},"result":false,"error_message":"Invalid token"}"""));
        Assert.Equal(expected, reply.Cid);
        Assert.Null(reply.Assets);
    }

    [Fact]
    public void Replies_carry_their_typed_data()
    {
        var orders = Assert.IsType<W.Reply>(Golden("in_open_orders_reply")).Orders!.Value;
        Assert.Equal(2, orders.Length);
        Assert.Equal(("123456", 23m, 11m, "PARTIAL-FILLED", (string?)null), (orders[0].OrderNo, orders[0].Quantity, orders[0].Remain, orders[0].Status, orders[0].Symbol));

        var cancel = Assert.IsType<W.Reply>(Golden("in_cancel_order_reply")).CancelItems!.Value;
        Assert.Equal(new W.CancelItem(false, "The record is not found.", string.Empty), cancel[1]);

        var assets = Assert.IsType<W.Reply>(Golden("in_asset_reply")).Assets!.Value;
        Assert.Equal(new W.AssetData("USDT", 1000m, 0m, 1000m), assets[1]);

        var info = Assert.IsType<W.Reply>(Golden("in_symbol_info_reply_future")).SymbolInfo!;
        Assert.Equal((0.01m, 1m, (decimal?)null, "USD"), (info.PriceTick, info.SizeTick, info.ValueLimit, info.QuoteCurrency));

        var flat = Assert.IsType<W.Reply>(Golden("in_position_reply_flat")).Position!;
        Assert.Equal((null, 0m, (long?)null), (flat.MarginMode, flat.LongQuantity, flat.Utime));

        Assert.Equal("05307d90-5d5c-5be0-8494-b072eec21c0c", Assert.IsType<W.Reply>(Golden("in_login_reply")).Token);
    }

    [Fact]
    public void Ftx_market_order_has_a_null_price()
    {
        var order = Assert.IsType<W.OrderNotification>(Golden("in_notify_order_ftx_market"));
        Assert.Null(order.Data.Price);
        Assert.Equal("ETH-PERP", order.Data.Symbol);
    }

    [Fact]
    public void Login_request_never_prints_its_secret()
    {
        var login = Assert.IsType<W.LoginRequest>(Golden("out_login"));
        Assert.Equal("sk-456", login.SecretKey);
        Assert.DoesNotContain("sk-456", login.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_frame_has_no_wire_form()
    {
        Assert.Throws<ArgumentException>(() => QuantGatewayCodec.EncodeToArray(new W.Unknown(null, "x")));
    }
}
