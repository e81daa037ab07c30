using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Engine.Simulator.Tests.MarketData;

/// <summary>
/// The Binance simulator's market-data streams and depth snapshots (market-data reference §1.1–§1.6) over real
/// loopback sockets, on a manual clock; the market moves only when a test sets a mid.
/// </summary>
public sealed class BinanceStreamsTests : BinanceStreamsFixture
{
    [Fact]
    public async Task A_combined_stream_url_wraps_every_push_with_its_stream_name_and_binance_types()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@bookTicker/btcusdt@trade");
        await AwaitStreams("btcusdt@bookTicker", "btcusdt@trade");

        SetMid(50_000m);
        SetMid(50_100m);

        var ticker = await client.NextAsync(f => f.GetProperty("stream").GetString() == "btcusdt@bookTicker");
        var data = ticker.GetProperty("data");
        Assert.Equal(["u", "s", "b", "B", "a", "A"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, data.GetProperty("u").ValueKind);
        Assert.Matches(@"^\d+\.\d{8}$", data.GetProperty("b").GetString()!);
        var trade = (await client.NextAsync(f => f.GetProperty("stream").GetString() == "btcusdt@trade")).GetProperty("data");
        Assert.Equal(("trade", "BTCUSDT", false), (trade.GetProperty("e").GetString(), trade.GetProperty("s").GetString(), trade.GetProperty("m").GetBoolean()));
    }

    [Fact]
    public async Task Control_messages_subscribe_list_unsubscribe_and_switch_combined_with_ids_echoed_in_their_type()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws/0");

        Assert.Equal("""{"result":null,"id":1}""", (await client.AskAsync("""{"method":"SUBSCRIBE","params":["btcusdt@bookTicker","ethusdt@trade"],"id":1}""")).GetRawText());
        Assert.Equal("""{"result":["btcusdt@bookTicker","ethusdt@trade"],"id":"ab12"}""", (await client.AskAsync("""{"method":"LIST_SUBSCRIPTIONS","id":"ab12"}""")).GetRawText());
        Assert.Equal("""{"result":null,"id":3}""", (await client.AskAsync("""{"method":"UNSUBSCRIBE","params":["ethusdt@trade"],"id":3}""")).GetRawText());
        Assert.Equal("""{"result":false,"id":4}""", (await client.AskAsync("""{"method":"GET_PROPERTY","params":["combined"],"id":4}""")).GetRawText());

        SetMid(50_000m);
        var raw = await client.NextAsync(f => f.TryGetProperty("u", out _));
        Assert.Equal("BTCUSDT", raw.GetProperty("s").GetString());

        Assert.Equal("""{"result":null,"id":5}""", (await client.AskAsync("""{"method":"SET_PROPERTY","params":["combined",true],"id":5}""")).GetRawText());
        SetMid(50_100m);
        var wrapped = await client.NextAsync(f => f.TryGetProperty("stream", out _));
        Assert.Equal("btcusdt@bookTicker", wrapped.GetProperty("stream").GetString());
    }

    [Theory]
    [InlineData("""{"method":"SUBSCRIBE","params":["btcusdt@nonsense"],"id":2}""", 2, "invalid stream")]
    [InlineData("""{"method":"SET_PROPERTY","params":["merged",true],"id":2}""", 0, "Unknown property")]
    [InlineData("""{"method":"SET_PROPERTY","params":["combined","yes"],"id":2}""", 1, "expected Boolean")]
    [InlineData("""{"method":"DANCE","id":2}""", 2, "unknown variant")]
    [InlineData("""{"params":[],"id":2}""", 2, "missing field `method`")]
    public async Task BadControl_messages_get_binance_error_codes(string request, int code, string text)
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws");

        var reply = await client.AskAsync(request);

        Assert.Equal(code, reply.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains(text, reply.GetProperty("error").GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, reply.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Invalid_json_is_code_3()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws");

        await client.SendAsync("{nope");

        Assert.Equal(3, (await client.NextAsync()).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task More_than_five_incoming_messages_in_a_second_close_the_socket()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws");
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(i, (await client.AskAsync($$"""{"method":"LIST_SUBSCRIPTIONS","id":{{i}}}""")).GetProperty("id").GetInt32());
        }

        await client.SendAsync("""{"method":"LIST_SUBSCRIPTIONS","id":6}""");

        await client.Closed.Task.WaitAsync(StreamTestClient.Timeout);
    }

    [Fact]
    public async Task Depth_updates_are_contiguous_and_join_the_rest_snapshot_and_a_dropped_one_leaves_a_gap()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@depth@100ms");
        await AwaitStreams("btcusdt@depth@100ms");
        SetMid(50_000m);
        var first = (await client.NextAsync()).GetProperty("data");
        var snapshot = await Rest("api/v3/depth?symbol=BTCUSDT&limit=5");
        Assert.Equal(first.GetProperty("u").GetInt64(), snapshot.GetProperty("lastUpdateId").GetInt64());
        Assert.Equal(5, snapshot.GetProperty("bids").GetArrayLength());

        SetMid(50_010m);
        var second = (await client.NextAsync()).GetProperty("data");
        Assert.Equal(first.GetProperty("u").GetInt64() + 1, second.GetProperty("U").GetInt64());
        Assert.Equal("depthUpdate", second.GetProperty("e").GetString());

        Venue.DropNextDepthUpdate("BTCUSDT");
        SetMid(50_020m);
        SetMid(50_030m);
        var afterGap = (await client.NextAsync()).GetProperty("data");
        Assert.True(afterGap.GetProperty("U").GetInt64() > second.GetProperty("u").GetInt64() + 1);
    }

    [Fact]
    public async Task The_websocket_api_depth_method_serves_the_same_snapshot()
    {
        SetMid(50_000m);
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws-api/v3");

        var reply = await client.AskAsync("""{"id":"d1","method":"depth","params":{"symbol":"BTCUSDT","limit":3}}""");
        var rest = await Rest("api/v3/depth?symbol=BTCUSDT&limit=3");

        Assert.Equal(rest.GetRawText(), reply.GetProperty("result").GetRawText());
    }

    [Theory]
    [InlineData("api/v3/depth", -1102)]
    [InlineData("api/v3/depth?symbol=NOPE", -1121)]
    [InlineData("api/v3/depth?symbol=BTCUSDT&limit=x", -1100)]
    public async Task Bad_depth_requests_get_binance_error_codes(string path, int code)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUri };

        using var response = await http.GetAsync(path);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_kline_stream_publishes_the_forming_candle_of_mids_and_trades()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@kline_1m");
        await AwaitStreams("btcusdt@kline_1m");

        SetMid(50_000m);
        SetMid(50_200m);
        await client.NextAsync();
        await client.NextAsync();
        var k = (await client.NextAsync()).GetProperty("data").GetProperty("k");

        Assert.Equal(("1m", Start.ToUnixTimeMilliseconds(), false), (k.GetProperty("i").GetString(), k.GetProperty("t").GetInt64(), k.GetProperty("x").GetBoolean()));
        Assert.Equal(50_000m, decimal.Parse(k.GetProperty("o").GetString()!, CultureInfo.InvariantCulture));
        // The move up traded at the best ask (a synthetic trade), which closes the candle just above the mid.
        Assert.InRange(decimal.Parse(k.GetProperty("c").GetString()!, CultureInfo.InvariantCulture), 50_200m, 50_210m);
        Assert.True(decimal.Parse(k.GetProperty("v").GetString()!, CultureInfo.InvariantCulture) > 0m);
    }

    [Fact]
    public async Task The_first_price_of_a_new_interval_closes_the_previous_candle()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@kline_1m");
        await AwaitStreams("btcusdt@kline_1m");
        SetMid(50_000m);
        await client.NextAsync();

        Clock.Advance(TimeSpan.FromMinutes(1));
        SetMid(50_000m);

        var closed = (await client.NextAsync()).GetProperty("data").GetProperty("k");
        var opened = (await client.NextAsync()).GetProperty("data").GetProperty("k");
        Assert.Equal((Start.ToUnixTimeMilliseconds(), true), (closed.GetProperty("t").GetInt64(), closed.GetProperty("x").GetBoolean()));
        Assert.Equal((Start.AddMinutes(1).ToUnixTimeMilliseconds(), false), (opened.GetProperty("t").GetInt64(), opened.GetProperty("x").GetBoolean()));
    }


    private async Task<JsonElement> Rest(string path)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUri };
        return await http.GetFromJsonAsync<JsonElement>(path);
    }
}
