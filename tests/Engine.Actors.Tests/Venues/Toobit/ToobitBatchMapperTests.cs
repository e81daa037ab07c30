using System.Text.Json;
using Engine.Actors.Connections.Http;
using Engine.Actors.Venues;
using Engine.Actors.Venues.Toobit;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Venues.Toobit;

/// <summary>Spot batch orders (§3, V4): a JSON array body that is not signed, the signature over the query only, and one answer per item.</summary>
public class ToobitBatchMapperTests
{
    private static readonly LoginId Login = new("tb-1");
    private static readonly Symbol Spot = new("BTCUSDT");
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1671880913657);

    [Fact]
    public void A_batch_is_a_json_array_body_and_only_the_query_is_signed()
    {
        var venue = new ToobitVenue(Login, new ToobitOptions { ApiKey = "key", Secret = "secret" }, new ToobitSigner("key", "secret"), new At(Now));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var request = new PlaceOrdersVenueRequest([Order("b-1", OrderSide.Buy, OrderType.Limit, 0.01m, 45_000m), Order("b-2", OrderSide.Sell, OrderType.LimitMaker, 0.02m, 55_000.5m)]);

        Assert.Equal("POST /api/v1/spot/batchOrders", venue.Encode(request, "k-1", buffer).Value);
        var sent = HttpTransportFrame.ReadRequest(buffer.WrittenSpan);

        Assert.Equal(("POST", "application/json"), (sent.Method, sent.ContentType));
        Assert.Equal(
            """[{"symbol":"BTCUSDT","side":"BUY","type":"LIMIT","timeInForce":"GTC","quantity":"0.01","price":"45000","newClientOrderId":"b-1"},{"symbol":"BTCUSDT","side":"SELL","type":"LIMIT_MAKER","quantity":"0.02","price":"55000.5","newClientOrderId":"b-2"}]""",
            System.Text.Encoding.UTF8.GetString(sent.Body.Span));
        const string Query = "recvWindow=5000&timestamp=1671880913657";
        Assert.Equal($"/api/v1/spot/batchOrders?{Query}&signature={new ToobitSigner("key", "secret").Sign(Query, string.Empty)}", sent.PathAndQuery);
        Assert.Equal(2, new ToobitOptions { ApiKey = "key", Secret = "secret" }.WeightOf(ToobitPaths.SpotBatchOrders));
    }

    [Fact]
    public void A_batch_of_futures_several_symbols_or_more_than_20_orders_is_refused_before_sending()
    {
        Assert.Contains("one spot symbol", ToobitMapper.ToBatch([Order("f", OrderSide.Buy, OrderType.Limit, 1m, 1m) with { Symbol = new Symbol("BTC-SWAP-USDT") }]).Error, StringComparison.Ordinal);
        Assert.Contains("one spot symbol", ToobitMapper.ToBatch([Order("a", OrderSide.Buy, OrderType.Limit, 1m, 1m), Order("b", OrderSide.Buy, OrderType.Limit, 1m, 1m) with { Symbol = new Symbol("ETHUSDT") }]).Error, StringComparison.Ordinal);
        Assert.Contains("1 to 20 orders, not 21", ToobitMapper.ToBatch([.. Enumerable.Range(0, 21).Select(i => Order($"o{i}", OrderSide.Buy, OrderType.Limit, 1m, 1m))]).Error, StringComparison.Ordinal);
        Assert.Contains("order m: Toobit spot MARKET BUY", ToobitMapper.ToBatch([Order("m", OrderSide.Buy, OrderType.Market, 1m, null)]).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_answer_maps_to_one_reply_per_order_with_ids_above_2_pow_53()
    {
        using var body = JsonDocument.Parse("""{"code":0,"result":[{"code":0,"order":{"orderId":"2037173542953448448","clientOrderId":"b-1","symbol":"BTCUSDT","status":"PENDING_NEW"}},{"code":-1149,"msg":"Create order failed"},{"code":"-1006","msg":"Timeout"}]}""");
        var request = new PlaceOrdersVenueRequest([Order("b-1", OrderSide.Buy, OrderType.Limit, 1m, 1m), Order("b-2", OrderSide.Buy, OrderType.Limit, 1m, 1m), Order("b-3", OrderSide.Buy, OrderType.Limit, 1m, 1m)]);

        var items = Assert.IsType<BatchPlacedReply>(ToobitMapper.ToReply(new ToobitHttpReply(200, null, body.RootElement.Clone(), null), request)).Items;

        Assert.Equal(new OrderPlacedReply(new VenueOrderId("2037173542953448448")), items[0]);
        Assert.Equal(new RequestRefusedReply("Toobit -1149: Create order failed"), items[1]);
        Assert.StartsWith("outcome unknown: Toobit -1006", Assert.IsType<UnreadableReply>(items[2]).Reason, StringComparison.Ordinal);
        Assert.IsType<UnreadableReply>(ToobitMapper.ToBatchResults(body.RootElement, 2));
    }

    private static SubmitOrder Order(string id, OrderSide side, OrderType type, decimal quantity, decimal? price) =>
        new(Login, new ClientOrderId(id), Now, Spot, side, type, quantity, price);

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
