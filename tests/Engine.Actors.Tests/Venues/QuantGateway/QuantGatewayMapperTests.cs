using System.Collections.Immutable;
using Engine.Actors.Venues;
using Engine.Actors.Venues.QuantGateway;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Tests.Venues.QuantGateway;

public class QuantGatewayMapperTests
{
    internal static QuantGatewayOptions Options(string platform = "huobi", params string[] symbols) => new()
    {
        Platform = platform,
        Symbols = symbols.Length == 0 ? ["ETH/USDT", "BTC/USDT"] : [.. symbols],
        AccessKey = "ak-123",
        SecretKey = "sk-456",
    };

    private static SubmitOrder Order(string symbol, OrderSide side, OrderType type, decimal qty, decimal? price,
        TimeInForce tif = TimeInForce.Gtc, OffsetFlag offset = OffsetFlag.None) =>
        new(new LoginId("alice"), new ClientOrderId("c-1"), DateTimeOffset.UnixEpoch, new Symbol(symbol), side, type, qty, price, tif, offset);

    [Theory]
    [InlineData("SUBMITTED", OrderStatus.Accepted)]
    [InlineData("PARTIAL-FILLED", OrderStatus.PartiallyFilled)]
    [InlineData("FILLED", OrderStatus.Filled)]
    [InlineData("CANCELED", OrderStatus.Canceled)]
    [InlineData("FAILED", OrderStatus.Rejected)]
    [InlineData("NONE", null)]
    [InlineData("CANCELLED", null)]
    [InlineData("submitted", null)]
    public void Status_strings(string wire, OrderStatus? expected)
    {
        Assert.Equal(expected, QuantGatewayMapper.ToStatus(wire));
        if (expected is { } status)
        {
            Assert.Equal(wire, QuantGatewayMapper.ToWireStatus(status));
        }
    }

    [Theory]
    [InlineData(OrderSide.Buy, OffsetFlag.Open, 3, 3)]
    [InlineData(OrderSide.Sell, OffsetFlag.Close, 3, 3)]
    [InlineData(OrderSide.Buy, OffsetFlag.Close, 3, -3)]
    [InlineData(OrderSide.Sell, OffsetFlag.Open, 3, -3)]
    public void Futures_quantity_sign_encodes_open_and_close(OrderSide side, OffsetFlag offset, int contracts, int signedQuantity)
    {
        Assert.Equal(signedQuantity, QuantGatewayMapper.SignedFuturesQuantity(side, offset, contracts));
        Assert.Equal((offset, (decimal)contracts), QuantGatewayMapper.FromSignedFuturesQuantity(side, signedQuantity));
    }

    [Theory]
    [InlineData("2.7", 2)]
    [InlineData("-2.7", 2)]
    [InlineData("0.5", 0)]
    public void Futures_contracts_truncate_like_the_server(string signedQuantity, int contracts)
    {
        Assert.Equal(contracts, QuantGatewayMapper.FromSignedFuturesQuantity(OrderSide.Buy, decimal.Parse(signedQuantity, System.Globalization.CultureInfo.InvariantCulture)).Contracts);
    }

    public static TheoryData<string, SubmitOrder, string?, string?> PlaceOrders() => new()
    {
        { "huobi", Order("ETH/USDT", OrderSide.Buy, OrderType.Limit, 2m, 230.5m), "BUY LIMIT 230.5 2", null },
        { "huobi", Order("ETH/USDT", OrderSide.Sell, OrderType.Market, 2m, null), "SELL MARKET 0 2", null },
        { "huobi", Order("ETH/USDT", OrderSide.Buy, OrderType.Market, 2m, null), null, "sizes them in the quote currency" },
        { "ftx", Order("ETH/USDT", OrderSide.Buy, OrderType.Market, 2m, null), "BUY MARKET 0 2", null },
        { "huobi", Order("ETH/USDT", OrderSide.Buy, OrderType.Limit, 2m, 230.5m, TimeInForce.Ioc), "BUY IOC 230.5 2", null },
        { "ftx", Order("ETH/USDT", OrderSide.Buy, OrderType.Limit, 2m, 230.5m, TimeInForce.Ioc), null, "IOC orders are not sent on ftx" },
        { "huobi", Order("ETH/USDT", OrderSide.Buy, OrderType.LimitMaker, 2m, 230.5m), null, "no post-only" },
        { "huobi", Order("ETH/USDT", OrderSide.Buy, OrderType.Limit, 2m, 230.5m, TimeInForce.Fok), null, "no fill-or-kill" },
        { "huobi", Order("XRP/USDT", OrderSide.Buy, OrderType.Limit, 2m, 1m), null, "not among the login's symbols" },
        { "huobi", Order("ETH/USDT", OrderSide.Buy, OrderType.Limit, 2m, null), null, "needs a positive price" },
        { "huobi_future", Order("BTC200925", OrderSide.Sell, OrderType.Limit, 3m, 9200m, offset: OffsetFlag.Open), "SELL LIMIT 9200 -3", null },
        { "huobi_future", Order("BTC200925", OrderSide.Buy, OrderType.Limit, 3m, 9200m, offset: OffsetFlag.Close), "BUY LIMIT 9200 -3", null },
        { "huobi_future", Order("BTC200925", OrderSide.Buy, OrderType.Limit, 3m, 9200m), null, "must say Open or Close" },
        { "huobi_future", Order("BTC200925", OrderSide.Buy, OrderType.Limit, 2.5m, 9200m, offset: OffsetFlag.Open), null, "not a whole number of contracts" },
    };

    [Theory]
    [MemberData(nameof(PlaceOrders))]
    public void Place_order_mapping(string platform, SubmitOrder order, string? wire, string? error)
    {
        var mapped = QuantGatewayMapper.ToPlaceOrder(order, Options(platform, "ETH/USDT", "BTC200925"), "tok", "cid-1");
        if (error is null)
        {
            var r = mapped.Value!;
            Assert.Equal(wire, $"{r.Action} {r.OrderType} {r.Price} {r.Quantity}");
            Assert.Equal(("tok", "cid-1", order.Symbol.Value), (r.Token, r.Cid, r.Symbol));
        }
        else
        {
            Assert.Null(mapped.Value);
            Assert.Contains(error, mapped.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("huobi", true, new[] { "11" }, new[] { "11", "0" }, null)]
    [InlineData("huobi", false, new[] { "11" }, new[] { "11" }, null)]
    [InlineData("huobi", true, new[] { "11", "12" }, new[] { "11", "12" }, null)]
    [InlineData("huobi", true, new string[0], new string[0], null)]
    [InlineData("ftx", true, new string[0], null, "cancel-all is not sent on ftx")]
    [InlineData("ftx", true, new[] { "11" }, new[] { "11", "0" }, null)]
    public void Cancel_mapping_pads_a_single_id(string platform, bool pad, string[] ids, string[]? wire, string? error)
    {
        var options = Options(platform) with { PadSingleCancel = pad };
        var mapped = QuantGatewayMapper.ToCancelOrder(new Symbol("ETH/USDT"), [.. ids.Select(i => new VenueOrderId(i))], options, "tok", "c");
        Assert.Equal(wire, mapped.Value?.OrderNos.ToArray());
        Assert.Equal(error is null, mapped.IsOk);
        if (error is not null)
        {
            Assert.Contains(error, mapped.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "11" }, new[] { "11" }, 0)]
    [InlineData(new[] { "11", "12" }, new[] { "11" }, 1)]
    public void Cancel_reply_drops_the_padding_failure_and_keeps_real_ones(string[] requested, string[] results, int unattributed)
    {
        var reply = Assert.IsType<W.Reply>(QuantGatewayCodec.Decode(GoldenFrames.Read("QuantGateway", "in_cancel_order_reply"), default));
        var request = new CancelOrdersVenueRequest(new Symbol("ETH/USDT"), [.. requested.Select(i => new VenueOrderId(i))]);

        var mapped = Assert.IsType<CancelResultsReply>(QuantGatewayMapper.ToReply(reply, request, Options()));
        Assert.Equal(results, mapped.Results.Select(r => r.VenueOrderId.Value));
        Assert.All(mapped.Results, r => Assert.True(r.Accepted));
        Assert.Equal(unattributed, mapped.Unattributed.Length);
    }

    [Fact]
    public void Explicit_padding_item_is_dropped()
    {
        var reply = new W.Reply("cancel_order", "c", true, string.Empty)
        {
            CancelItems = [new W.CancelItem(true, string.Empty, "11"), new W.CancelItem(false, "not found", "0")],
        };
        var request = new CancelOrdersVenueRequest(new Symbol("ETH/USDT"), [new VenueOrderId("11")]);
        var mapped = Assert.IsType<CancelResultsReply>(QuantGatewayMapper.ToReply(reply, request, Options()));
        Assert.Single(mapped.Results);
        Assert.Empty(mapped.Unattributed);
    }

    [Theory]
    [InlineData(1, Engine.Messages.Connectivity.ConnectionState.Stopped, true)]
    [InlineData(2, Engine.Messages.Connectivity.ConnectionState.Authenticating, false)]
    [InlineData(3, Engine.Messages.Connectivity.ConnectionState.Reconnecting, false)]
    [InlineData(4, Engine.Messages.Connectivity.ConnectionState.Reconnecting, false)]
    [InlineData(5, Engine.Messages.Connectivity.ConnectionState.Reconnecting, false)]
    [InlineData(6, Engine.Messages.Connectivity.ConnectionState.Ready, false)]
    [InlineData(7, Engine.Messages.Connectivity.ConnectionState.Reconnecting, false)]
    [InlineData(9, Engine.Messages.Connectivity.ConnectionState.Reconnecting, false)]
    public void State_codes(int code, Engine.Messages.Connectivity.ConnectionState state, bool fatal)
    {
        var changed = QuantGatewayMapper.ToConnectionState(new W.State("t", code, "msg"), new LoginId("alice"), DateTimeOffset.UnixEpoch);
        Assert.Equal((state, fatal, code, "msg"), (changed.State, changed.IsFatal, changed.VenueCode, changed.VenueText));
    }

    [Fact]
    public void Open_order_with_an_unmapped_status_is_still_working()
    {
        var o = new W.OrderData(null, "5", "BUY", 1m, 10m, 4m, "NONE", "LIMIT", null, null);
        Assert.Equal(OrderStatus.PartiallyFilled, QuantGatewayMapper.ToOpenOrder(o, default)!.Status);
        Assert.Null(QuantGatewayMapper.ToOpenOrder(o with { Action = "buy" }, default));
    }

    [Fact]
    public void Empty_order_list_is_default_safe()
    {
        var mapped = QuantGatewayMapper.ToCancelOrder(new Symbol("ETH/USDT"), default(ImmutableArray<VenueOrderId>), Options(), "t", "c");
        Assert.Empty(mapped.Value!.OrderNos);
    }
}
