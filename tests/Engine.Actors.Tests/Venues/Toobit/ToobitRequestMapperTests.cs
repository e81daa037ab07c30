using System.Collections.Immutable;
using Engine.Actors.Connections.Http;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Toobit;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Venues.Toobit;

/// <summary>Requests as they go out: path, method, documented parameter names per endpoint (§10.9), futures sides and market orders, replies by HTTP status.</summary>
public class ToobitRequestMapperTests
{
    private static readonly LoginId Login = new("tb-1");
    private static readonly Symbol Spot = new("BTCUSDT");
    private static readonly Symbol Swap = new("BTC-SWAP-USDT");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1668481902307);

    [Fact]
    public void A_spot_limit_goes_as_a_signed_form_body_with_the_client_id()
    {
        var request = Encode(new PlaceOrderVenueRequest(Order("cid-1", Spot, OrderSide.Sell, OrderType.Limit, 0.5m, 50_000.10m)), "k-1", out var operation);
        Assert.Equal("POST /api/v1/spot/order", operation);
        Assert.Equal(("k-1", "POST", "/api/v1/spot/order", "application/x-www-form-urlencoded"), (request.Key, request.Method, request.PathAndQuery, request.ContentType));
        var body = System.Text.Encoding.UTF8.GetString(request.Body.Span);
        Assert.StartsWith("symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=0.5&price=50000.1&newClientOrderId=cid-1&recvWindow=5000&timestamp=1668481902307&signature=", body, StringComparison.Ordinal);
        var signed = body[..body.IndexOf("&signature=", StringComparison.Ordinal)];
        Assert.EndsWith(new ToobitSigner("key", "secret").Sign(string.Empty, signed), body, StringComparison.Ordinal);
        Assert.Equal(new KeyValuePair<string, string>("X-BB-APIKEY", "key"), Assert.Single(request.Headers));
    }

    [Theory]
    [InlineData(OrderSide.Buy, OffsetFlag.Open, "BUY_OPEN")]
    [InlineData(OrderSide.Sell, OffsetFlag.Open, "SELL_OPEN")]
    [InlineData(OrderSide.Buy, OffsetFlag.Close, "BUY_CLOSE")]
    [InlineData(OrderSide.Sell, OffsetFlag.Close, "SELL_CLOSE")]
    public void A_futures_market_order_is_limit_with_price_type_market_and_no_price(OrderSide side, OffsetFlag offset, string wire)
    {
        var call = ToobitMapper.ToPlace(Order("f-1", Swap, side, OrderType.Market, 3m, null, offset)).Value!;
        Assert.Equal(("POST", "/api/v1/futures/order"), (call.Method, call.Path));
        Assert.Equal([("symbol", "BTC-SWAP-USDT"), ("side", wire), ("type", "LIMIT"), ("quantity", "3"), ("priceType", "MARKET"), ("newClientOrderId", "f-1")], Pairs(call));
        var maker = ToobitMapper.ToPlace(Order("f-2", Swap, side, OrderType.LimitMaker, 3m, 50_000m, offset)).Value!;
        Assert.Contains(("timeInForce", "LIMIT_MAKER"), Pairs(maker));
    }

    [Fact]
    public void Orders_toobit_cannot_take_are_refused_with_a_reason()
    {
        Assert.Contains("offset", ToobitMapper.ToPlace(Order("a", Swap, OrderSide.Buy, OrderType.Limit, 1m, 1m)).Error, StringComparison.Ordinal);
        Assert.Contains("whole contracts", ToobitMapper.ToPlace(Order("b", Swap, OrderSide.Buy, OrderType.Limit, 1.5m, 1m, OffsetFlag.Open)).Error, StringComparison.Ordinal);
        Assert.Contains("quote amount", ToobitMapper.ToPlace(Order("c", Spot, OrderSide.Buy, OrderType.Market, 1m, null)).Error, StringComparison.Ordinal);
        Assert.Contains("spot symbol", ToobitMapper.ToPlace(Order("d", Spot, OrderSide.Buy, OrderType.Limit, 1m, 1m, OffsetFlag.Open)).Error, StringComparison.Ordinal);
        Assert.True(ToobitMapper.ToPlace(Order("e", Spot, OrderSide.Sell, OrderType.Market, 1m, null)).IsOk);
    }

    [Fact]
    public void Cancels_and_queries_use_the_documented_endpoint_and_parameter_names()
    {
        Assert.Equal(("DELETE", "/api/v1/spot/order", "orderId"), Shape(ToobitMapper.ToCancel(Spot, [new VenueOrderId("7")])));
        Assert.Equal(("DELETE", "/api/v1/spot/openOrders", "symbol"), Shape(ToobitMapper.ToCancel(Spot, [])));
        Assert.Equal(("DELETE", "/api/v1/spot/cancelOrderByIds", "ids"), Shape(ToobitMapper.ToCancel(Spot, [new VenueOrderId("7"), new VenueOrderId("8")])));
        Assert.Equal(("DELETE", "/api/v1/futures/batchOrders", "symbol"), Shape(ToobitMapper.ToCancel(Swap, [])));
        Assert.Equal(("DELETE", "/api/v1/futures/order", "orderId"), Shape(ToobitMapper.ToCancel(Swap, [new VenueOrderId("7")])));
        Assert.Equal(("GET", "/api/v1/spot/order", "origClientOrderId"), Shape(ToobitMapper.ToStatusQuery(new ToobitOrderStatusRequest(Spot, new ClientOrderId("c")))));
        Assert.Equal(("GET", "/api/v1/futures/order", "origClientOrderId"), Shape(ToobitMapper.ToStatusQuery(new ToobitOrderStatusRequest(Swap, new ClientOrderId("c")))));
        Assert.Equal("7,8", Pairs(ToobitMapper.ToCancel(Spot, [new VenueOrderId("7"), new VenueOrderId("8")]).Value!)[0].Value);
    }

    [Theory]
    [InlineData(500, null, "UnreadableReply")]
    [InlineData(503, null, "UnreadableReply")]
    [InlineData(0, "connection refused", "UnreadableReply")]
    [InlineData(429, null, "RetryLaterReply")]
    [InlineData(418, null, "RetryLaterReply")]
    [InlineData(400, null, "RequestRefusedReply")]
    public void The_http_status_decides_between_unknown_retry_and_refused(int status, string? failure, string expected)
    {
        var body = System.Text.Json.JsonDocument.Parse(status == 0 ? "null" : "{\"code\":-1003,\"msg\":\"x\"}").RootElement.Clone();
        var reply = ToobitMapper.ToReply(new ToobitHttpReply(status, null, body, failure), new PlaceOrderVenueRequest(Order("p", Spot, OrderSide.Buy, OrderType.Limit, 1m, 1m)));
        Assert.Equal(expected, reply.GetType().Name);
    }

    [Theory]
    [InlineData("{\"code\":\"200\",\"symbolId\":\"BTC-SWAP-USDT\",\"leverage\":\"3\"}", null)]
    [InlineData("{\"code\":200}", null)]
    [InlineData("{\"code\":\"0\",\"result\":[]}", null)]
    [InlineData("{\"code\":0}", null)]
    [InlineData("{\"success\":true}", null)]
    [InlineData("{\"code\":\"-2013\",\"msg\":\"Order does not exist.\"}", "-2013")]
    [InlineData("{\"code\":-1021,\"msg\":\"late\"}", "-1021")]
    public void Success_codes_are_absent_0_or_200_as_number_or_string(string json, string? error) =>
        Assert.Equal(error, ToobitCodec.ReadError(System.Text.Json.JsonDocument.Parse(json).RootElement)?.Code);

    [Fact]
    public void Missing_orders_and_refused_single_cancels_are_answers_not_refusals()
    {
        var missing = System.Text.Json.JsonDocument.Parse("{\"code\":-2013,\"msg\":\"Order does not exist.\"}").RootElement.Clone();
        var status = Assert.IsType<ToobitOrderStatusReply>(ToobitMapper.ToReply(new ToobitHttpReply(400, null, missing, null), new ToobitOrderStatusRequest(Spot, new ClientOrderId("c"))));
        Assert.Null(status.Order);
        Assert.Contains("-2013", status.Missing, StringComparison.Ordinal);
        var cancel = Assert.IsType<CancelResultsReply>(ToobitMapper.ToReply(new ToobitHttpReply(400, null, missing, null), new CancelOrdersVenueRequest(Spot, [new VenueOrderId("9")])));
        Assert.False(Assert.Single(cancel.Results).Accepted);
    }

    [Fact]
    public void Transport_frames_round_trip()
    {
        var request = new HttpTransportRequest("k", "DELETE", "/api/v1/spot/order?x=1", "application/x-www-form-urlencoded", "a=1"u8.ToArray(), [new("X-BB-APIKEY", "key")]);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        HttpTransportFrame.WriteRequest(request, buffer);
        var read = HttpTransportFrame.ReadRequest(buffer.WrittenSpan);
        Assert.Equal((request.Key, request.Method, request.PathAndQuery, request.ContentType, "a=1"), (read.Key, read.Method, read.PathAndQuery, read.ContentType, System.Text.Encoding.UTF8.GetString(read.Body.Span)));
        Assert.Equal(request.Headers.ToArray(), read.Headers.ToArray());

        var response = new HttpTransportResponse("k", 429, TimeSpan.FromSeconds(3), "{}"u8.ToArray(), null);
        buffer.ResetWrittenCount();
        HttpTransportFrame.WriteResponse(response, buffer);
        var back = HttpTransportFrame.ReadResponse(buffer.WrittenSpan);
        Assert.Equal((429, TimeSpan.FromSeconds(3), "{}", (string?)null), (back.Status, back.RetryAfter, System.Text.Encoding.UTF8.GetString(back.Body.Span), back.Failure));
        Assert.Throws<FormatException>(() => HttpTransportFrame.ReadResponse(buffer.WrittenSpan[..5]));
    }

    private static SubmitOrder Order(string id, Symbol symbol, OrderSide side, OrderType type, decimal quantity, decimal? price, OffsetFlag offset = OffsetFlag.None) =>
        new(Login, new ClientOrderId(id), Now, symbol, side, type, quantity, price, Offset: offset);

    private static HttpTransportRequest Encode(VenueRequest request, string key, out string operation)
    {
        var clock = new FixedTime();
        var venue = new ToobitVenue(Login, new ToobitOptions { ApiKey = "key", Secret = "secret" }, new ToobitSigner("key", "secret"), clock);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        operation = venue.Encode(request, key, buffer).Value!;
        return HttpTransportFrame.ReadRequest(buffer.WrittenSpan);
    }

    private static List<(string Name, string Value)> Pairs(ToobitCall call) => [.. call.Parameters.Select(p => (p.Key, p.Value))];

    private static (string, string, string) Shape(Mapped<ToobitCall> call) => (call.Value!.Method, call.Value.Path, call.Value.Parameters[0].Key);

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
