using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.Binance;

/// <summary>Envelope, public methods, signing and timing over a real loopback socket.</summary>
public class BinanceProtocolTests
{
    [Theory]
    [InlineData("7")]
    [InlineData("\"e2a8b2a1c3d4e5f60718293a4b5c6d7e\"")]
    [InlineData("null")]
    public async Task Ping_echoes_the_id_with_its_json_type(string id)
    {
        var (h, _) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var response = await client.RequestAsync(JsonNode.Parse(id), "ping");
        Assert.Equal(id, response.GetProperty("id").GetRawText());
        Assert.Equal(200, response.GetProperty("status").GetInt32());
        GoldenFrame.AssertShape(GoldenFrame.Load("ping_response.json").GetProperty("result"), response.GetProperty("result"), "$.result");
        var weight = response.GetProperty("rateLimits").EnumerateArray().Single();
        Assert.Equal("REQUEST_WEIGHT", weight.GetProperty("rateLimitType").GetString());
        Assert.Equal(6000, weight.GetProperty("limit").GetInt32());
        Assert.Equal(3, weight.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Time_returns_the_time_provider_clock_in_the_golden_shape()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var response = await client.RequestAsync(1, "time");
        GoldenFrame.AssertShape("time_response.json", response);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds(), response.GetProperty("result").GetProperty("serverTime").GetInt64());
    }

    [Fact]
    public async Task Query_parameters_drop_rate_limits_and_switch_to_microseconds()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host, "?returnRateLimits=false&timeUnit=MICROSECOND&unknown=1");
        var response = await client.RequestAsync(1, "time");
        Assert.False(response.TryGetProperty("rateLimits", out _));
        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000, response.GetProperty("result").GetProperty("serverTime").GetInt64());
        var forced = await client.RequestAsync(2, "ping", new JsonObject { ["returnRateLimits"] = true });
        Assert.True(forced.TryGetProperty("rateLimits", out _));
    }

    [Fact]
    public async Task ExchangeInfo_lists_filters_and_rate_limits()
    {
        var (h, _) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var result = (await client.RequestAsync(1, "exchangeInfo", new JsonObject { ["symbol"] = "BTCUSDT" })).GetProperty("result");
        var limits = result.GetProperty("rateLimits").EnumerateArray().Select(l => $"{l.GetProperty("rateLimitType").GetString()}/{l.GetProperty("interval").GetString()}/{l.GetProperty("intervalNum").GetInt32()}={l.GetProperty("limit").GetInt32()}");
        Assert.Equal(["REQUEST_WEIGHT/MINUTE/1=6000", "ORDERS/SECOND/10=50", "ORDERS/DAY/1=160000", "CONNECTIONS/MINUTE/5=300"], limits);
        var symbol = result.GetProperty("symbols").EnumerateArray().Single();
        Assert.Equal("BTCUSDT", symbol.GetProperty("symbol").GetString());
        var filters = symbol.GetProperty("filters").EnumerateArray().ToDictionary(f => f.GetProperty("filterType").GetString()!, f => f);
        Assert.Equal("0.01000000", filters["PRICE_FILTER"].GetProperty("tickSize").GetString());
        Assert.Equal("0.00001000", filters["LOT_SIZE"].GetProperty("stepSize").GetString());
        Assert.Equal("5.00000000", filters["NOTIONAL"].GetProperty("minNotional").GetString());
        Assert.Equal("5.00000000", filters["MIN_NOTIONAL"].GetProperty("minNotional").GetString());
        var bad = await client.RequestAsync(2, "exchangeInfo", new JsonObject { ["symbol"] = "NOPE" });
        AssertError(bad, 400, -1121, "Invalid symbol.");
    }

    [Theory]
    [InlineData("{not json", -1135)]
    [InlineData("[1,2]", -1135)]
    [InlineData("{\"id\":3,\"params\":{}}", -1102)]
    [InlineData("{\"id\":3,\"method\":\"time\",\"params\":[1]}", -1135)]
    [InlineData("{\"id\":3,\"method\":\"userDataStream.start\",\"params\":{}}", -1000)]
    [InlineData("{\"id\":3,\"method\":\"nope\"}", -1000)]
    public async Task Malformed_and_unknown_requests_get_an_error_not_a_disconnect(string frame, int code)
    {
        var (h, _) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        await client.SendAsync(frame);
        var response = await client.ExpectAsync(f => f.TryGetProperty("status", out _));
        Assert.Equal(400, response.GetProperty("status").GetInt32());
        Assert.Equal(code, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(200, (await client.RequestAsync(9, "v3/ping")).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Documented_order_place_request_verifies_and_answers_in_the_golden_shape()
    {
        var (h, _) = await BinanceTestClient.StartAsync(start: DateTimeOffset.FromUnixTimeMilliseconds(1660801715431 + 50));
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        await client.SendAsync(GoldenFrame.Load("order_place_request.json").GetRawText());
        var response = await client.ExpectAsync(f => f.TryGetProperty("status", out _));
        GoldenFrame.AssertShape("order_place_full_response.json", response);
        Assert.Equal("56374a46-3061-486b-a311-99ee972eb648", response.GetProperty("id").GetString());
        Assert.Equal("FILLED", response.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("0.00847000", response.GetProperty("result").GetProperty("executedQty").GetString());
        Assert.Equal(1660801715481, response.GetProperty("result").GetProperty("transactTime").GetInt64());
        Assert.Equal(["ORDERS", "ORDERS", "REQUEST_WEIGHT"], response.GetProperty("rateLimits").EnumerateArray().Select(r => r.GetProperty("rateLimitType").GetString()));
    }

    [Theory]
    [InlineData("signature", "0000000000000000000000000000000000000000000000000000000000000000", 400, -1022, "Signature for this request is not valid.")]
    [InlineData("quantity", "0.00848000", 400, -1022, "Signature for this request is not valid.")]
    [InlineData("apiKey", "unknownKey", 400, -2015, "Invalid API-key, IP, or permissions for action.")]
    [InlineData("apiKey", "bad key!", 400, -2014, "API-key format invalid.")]
    public async Task Tampered_requests_are_rejected_with_the_documented_codes(string field, string value, int status, int code, string message)
    {
        var (h, _) = await BinanceTestClient.StartAsync(start: DateTimeOffset.FromUnixTimeMilliseconds(1660801715431 + 50));
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var request = JsonNode.Parse(GoldenFrame.Load("order_place_request.json").GetRawText())!.AsObject();
        request["params"]![field] = value;
        await client.SendAsync(request.ToJsonString());
        AssertError(await client.ExpectAsync(f => f.TryGetProperty("status", out _)), status, code, message);
    }

    [Fact]
    public async Task Signed_request_without_credentials_names_the_missing_parameter()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var ts = clock.GetUtcNow().ToUnixTimeMilliseconds();
        AssertError(await client.RequestAsync(1, "account.status", new JsonObject { ["timestamp"] = ts }), 400, -1102, "Mandatory parameter 'apiKey' was not sent, was empty/null, or malformed.");
        var noTimestamp = new JsonObject { ["apiKey"] = BinanceTestClient.HmacKey };
        noTimestamp["signature"] = BinanceSignature.Hmac(BinanceTestClient.HmacSecret, BinanceTestClient.Payload(noTimestamp));
        AssertError(await client.RequestAsync(2, "account.status", noTimestamp), 400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
    }

    [Theory]
    [InlineData(-999, null, 200, null)]
    [InlineData(-1000, null, 400, "Timestamp for this request was 1000ms ahead of the server's time.")]
    [InlineData(5000, null, 200, null)]
    [InlineData(5001, null, 400, "Timestamp for this request is outside of the recvWindow.")]
    [InlineData(5001, "6000.5", 200, null)]
    [InlineData(59_000, "60000", 200, null)]
    public async Task Timestamp_must_fall_inside_the_receive_window(long ageMs, string? recvWindow, int status, string? message)
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var parameters = new JsonObject();
        if (recvWindow is not null)
        {
            parameters["recvWindow"] = JsonNode.Parse(recvWindow);
        }

        var response = await client.RequestAsync(1, "account.status", BinanceTestClient.SignHmac(parameters, clock.GetUtcNow().ToUnixTimeMilliseconds() - ageMs));
        Assert.Equal(status, response.GetProperty("status").GetInt32());
        if (message is not null)
        {
            AssertError(response, 400, -1021, message);
        }
    }

    [Fact]
    public async Task Microsecond_timestamps_and_bad_recv_windows()
    {
        var (h, clock) = await BinanceTestClient.StartAsync();
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var micros = (clock.GetUtcNow().ToUnixTimeMilliseconds() * 1000) - 1500;
        Assert.Equal(200, (await client.RequestAsync(1, "account.status", BinanceTestClient.SignHmac([], micros))).GetProperty("status").GetInt32());
        var tooWide = BinanceTestClient.SignHmac(new JsonObject { ["recvWindow"] = 60001 }, clock.GetUtcNow().ToUnixTimeMilliseconds());
        Assert.Equal(-1131, (await client.RequestAsync(2, "account.status", tooWide)).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData(false, 400)]
    [InlineData(true, 200)]
    public async Task Percent_encoded_signatures_are_accepted_only_behind_the_switch(bool accept, int status)
    {
        var (h, clock) = await BinanceTestClient.StartAsync(new BinanceOptions { AcceptPercentEncodedSignatures = accept });
        await using var host = h;
        await using var client = await BinanceTestClient.ConnectAsync(host);
        var parameters = new JsonObject
        {
            ["symbol"] = "BTCUSDT", ["side"] = "BUY", ["type"] = "LIMIT", ["timeInForce"] = "GTC", ["price"] = "40000.00", ["quantity"] = "0.01000",
            ["newClientOrderId"] = "x-abc:def/1", ["apiKey"] = BinanceTestClient.HmacKey, ["timestamp"] = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        using var doc = JsonDocument.Parse(parameters.ToJsonString());
        parameters["signature"] = BinanceSignature.Hmac(BinanceTestClient.HmacSecret, BinanceSignature.Payload(doc.RootElement, percentEncode: true));
        var response = await client.RequestAsync(1, "order.place", parameters);
        Assert.Equal(status, response.GetProperty("status").GetInt32());
        if (!accept)
        {
            AssertError(response, 400, -1022, "Signature for this request is not valid.");
        }
    }

    [Fact]
    public async Task Percent_encoding_switch_is_a_quirk_of_the_control_api()
    {
        var (h, _) = await BinanceTestClient.StartAsync();
        await using var host = h;
        using var control = host.CreateControlClient();
        var after = await control.SetQuirksAsync(new { accept_percent_encoded_signatures = true });
        Assert.True(after.GetProperty("accept_percent_encoded_signatures").GetBoolean());
    }

    internal static void AssertError(JsonElement response, int status, int code, string message)
    {
        Assert.Equal(status, response.GetProperty("status").GetInt32());
        Assert.Equal(code, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(message, response.GetProperty("error").GetProperty("msg").GetString());
        Assert.False(response.TryGetProperty("result", out _));
    }
}
