using Engine.Actors.Venues;
using Engine.Actors.Venues.Binance;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using static Engine.Actors.Tests.Venues.Binance.BinanceFixtures;

namespace Engine.Actors.Tests.Venues.Binance;

public class BinanceRequestMapperTests
{
    private static readonly Symbol BtcUsdt = new("BTCUSDT");

    private static SubmitOrder Order(OrderType type, decimal quantity, decimal? price, TimeInForce tif = TimeInForce.Gtc, string cid = "mm-000001", OrderSide side = OrderSide.Buy) =>
        new(new LoginId("bn-1"), new ClientOrderId(cid), At, BtcUsdt, side, type, quantity, price, tif);

    private static string Params(Mapped<Engine.Actors.Venues.Binance.BinanceWire.Request> mapped)
    {
        Assert.True(mapped.IsOk, mapped.Error);
        return string.Join("&", mapped.Value!.Params.Select(p => $"{p.Name}={p.Value}"));
    }

    [Fact]
    public void Limit_order_sends_time_in_force_price_quantity_client_id_and_full_response()
    {
        Assert.Equal(
            "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=IOC&price=23416.1&quantity=0.00847&newClientOrderId=mm-000001&newOrderRespType=FULL",
            Params(BinanceMapper.ToOrderPlace(Order(OrderType.Limit, 0.00847000m, 23416.10000000m, TimeInForce.Ioc, side: OrderSide.Sell))));
    }

    [Fact]
    public void Limit_maker_sends_no_time_in_force()
    {
        Assert.Equal(
            "symbol=BTCUSDT&side=BUY&type=LIMIT_MAKER&price=23000.1&quantity=0.01&newClientOrderId=mm-000043&newOrderRespType=FULL",
            Params(BinanceMapper.ToOrderPlace(Order(OrderType.LimitMaker, 0.010m, 23000.10m, cid: "mm-000043"))));
    }

    [Fact]
    public void Market_order_sends_quantity_or_quote_quantity()
    {
        Assert.Equal(
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1&newClientOrderId=mm-000001&newOrderRespType=FULL",
            Params(BinanceMapper.ToOrderPlace(Order(OrderType.Market, 1.000m, null))));
        Assert.Equal(
            "symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=100&newClientOrderId=mm-000042&newOrderRespType=FULL",
            Params(BinanceMapper.ToOrderPlace(Order(OrderType.Market, 1m, null, cid: "mm-000042"), 100.00m)));
    }

    [Theory]
    [InlineData(OrderType.Limit, null, TimeInForce.Gtc, "mm-1", null, "needs a positive price")]
    [InlineData(OrderType.LimitMaker, "0", TimeInForce.Gtc, "mm-1", null, "needs a positive price")]
    [InlineData(OrderType.LimitMaker, "10", TimeInForce.Ioc, "mm-1", null, "takes no time in force")]
    [InlineData(OrderType.Market, "10", TimeInForce.Gtc, "mm-1", null, "carries no price")]
    [InlineData(OrderType.Limit, "10", TimeInForce.Gtc, "mm:1", null, "must match")]
    [InlineData(OrderType.Limit, "10", TimeInForce.Gtc, "0123456789012345678901234567890123456", null, "must match")]
    [InlineData(OrderType.Limit, "10", TimeInForce.Gtc, "mm-1", "5", "quoteOrderQty needs a MARKET order")]
    [InlineData(OrderType.Market, null, TimeInForce.Gtc, "mm-1", "0", "positive quote quantity")]
    public void Combinations_binance_would_refuse_are_errors(OrderType type, string? price, TimeInForce tif, string cid, string? quote, string error)
    {
        static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var mapped = BinanceMapper.ToOrderPlace(Order(type, 1m, D(price), tif, cid), D(quote));

        Assert.False(mapped.IsOk);
        Assert.Contains(error, mapped.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_status_and_query_params()
    {
        Assert.Equal("symbol=BTCUSDT&orderId=12569099453", Params(BinanceMapper.ToOrderCancel(BtcUsdt, new VenueOrderId("12569099453"))));
        Assert.Equal("symbol=BTCUSDT&origClientOrderId=mm-1", Params(BinanceMapper.ToOrderCancel(BtcUsdt, new ClientOrderId("mm-1"))));
        Assert.False(BinanceMapper.ToOrderCancel(BtcUsdt, new VenueOrderId("abc")).IsOk);
        Assert.Equal("symbol=BTCUSDT", Params(BinanceMapper.ToCancelAll(BtcUsdt)));
        Assert.Equal("symbol=BTCUSDT&origClientOrderId=mm-1", Params(BinanceMapper.ToOrderStatus(BtcUsdt, new ClientOrderId("mm-1"), new VenueOrderId("5"))));
        Assert.Equal("symbol=BTCUSDT&orderId=5", Params(BinanceMapper.ToOrderStatus(BtcUsdt, null, new VenueOrderId("5"))));
        Assert.False(BinanceMapper.ToOrderStatus(BtcUsdt, null, null).IsOk);
        Assert.Equal("symbol=BTCUSDT", Params(BinanceMapper.ToOpenOrders(BtcUsdt)));
        Assert.Equal(string.Empty, Params(BinanceMapper.ToAccountStatus()));
        Assert.Equal("symbols=[\"BTCUSDT\",\"ETHUSDT\"]", string.Join("&", BinanceMapper.ToExchangeInfo(["BTCUSDT", "ETHUSDT"]).Params.Select(p => $"{p.Name}={p.Value}")));
    }
}
