using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.MarketData;

/// <summary>
/// The Binance simulator's public REST endpoints (what ccxt's <c>loadMarkets</c> and <c>fetchTicker</c> read) and the
/// market requests <c>trades.recent</c>, <c>ticker.book</c>, <c>ticker.price</c>, <c>ticker.24hr</c> with their REST twins
/// (market-data reference §1.6), over loopback on a manual clock; the market moves only when a test sets a mid.
/// </summary>
public sealed class BinanceRestTests : BinanceStreamsFixture
{
    [Fact]
    public async Task Rest_exchange_info_lists_the_symbols_the_websocket_api_lists_with_the_same_filters()
    {
        var all = await Rest("api/v3/exchangeInfo");
        var two = await Rest("api/v3/exchangeInfo?symbols=" + Uri.EscapeDataString("""["ETHUSDT","ETHBTC"]"""));
        var one = await Rest("api/v3/exchangeInfo?symbol=BTCUSDT");
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws-api/v3");
        var ws = (await client.AskAsync("""{"id":"e1","method":"exchangeInfo","params":{"symbol":"BTCUSDT"}}""")).GetProperty("result");

        Assert.Equal(["BTCUSDT", "ETHUSDT", "ETHBTC"], Symbols(all));
        Assert.Equal(["ETHUSDT", "ETHBTC"], Symbols(two));
        Assert.Equal(Start.ToUnixTimeMilliseconds(), one.GetProperty("serverTime").GetInt64());
        Assert.Equal(ws.GetProperty("symbols").GetRawText(), one.GetProperty("symbols").GetRawText());
        Assert.Equal(ws.GetProperty("rateLimits").GetRawText(), one.GetProperty("rateLimits").GetRawText());
    }

    [Fact]
    public async Task Rest_ping_and_time_answer_as_binance_on_the_simulator_clock()
    {
        Assert.Equal("{}", (await Rest("api/v3/ping")).GetRawText());
        Assert.Equal($$"""{"serverTime":{{Start.ToUnixTimeMilliseconds()}}}""", (await Rest("api/v3/time")).GetRawText());
    }

    [Theory]
    [InlineData("api/v3/exchangeInfo?symbol=NOPE", -1121)]
    [InlineData("api/v3/exchangeInfo?symbols=BTCUSDT", -1100)]
    [InlineData("api/v3/trades", -1102)]
    [InlineData("api/v3/trades?symbol=BTCUSDT&limit=-1", -1100)]
    [InlineData("api/v3/ticker/bookTicker?symbol=NOPE", -1121)]
    public async Task Bad_rest_requests_get_binance_error_codes(string path, int code)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUri };

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("msg").GetString()));
    }

    [Fact]
    public async Task Rest_requests_are_charged_their_weight_and_over_the_minute_get_429_then_a_ban()
    {
        await RestartAsync(new BinanceRateLimitOptions { WeightPerMinute = 30 });
        using var http = new HttpClient { BaseAddress = Host.BaseUri };

        using var depth = await http.GetAsync("api/v3/depth?symbol=BTCUSDT&limit=5");
        using var info = await http.GetAsync("api/v3/exchangeInfo");
        using var over = await http.GetAsync("api/v3/exchangeInfo");
        using var banned = await http.GetAsync("api/v3/ping");

        Assert.Equal(["5"], depth.Headers.GetValues("X-MBX-USED-WEIGHT-1M"));
        Assert.Equal(["25"], info.Headers.GetValues("X-MBX-USED-WEIGHT-1M"));
        Assert.Equal((HttpStatusCode)429, over.StatusCode);
        Assert.Equal(-1003, (await over.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32());
        Assert.Equal(TimeSpan.FromMinutes(1), over.Headers.RetryAfter?.Delta);
        Assert.Equal((HttpStatusCode)418, banned.StatusCode);
        Assert.Contains("IP banned until", (await banned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_trades_are_the_trades_the_stream_carried_oldest_first_on_rest_and_the_websocket_api()
    {
        await using var stream = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws/btcusdt@trade");
        await AwaitStreams("btcusdt@trade");
        SetMid(50_000m);
        SetMid(50_100m);
        SetMid(50_000m);
        var first = await stream.NextAsync();
        var second = await stream.NextAsync();

        var rest = await Rest("api/v3/trades?symbol=BTCUSDT");
        var last = await Rest("api/v3/trades?symbol=BTCUSDT&limit=1");
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws-api/v3");
        var ws = (await client.AskAsync("""{"id":"t1","method":"trades.recent","params":{"symbol":"BTCUSDT","limit":500}}""")).GetProperty("result");

        Assert.Equal([first.GetProperty("t").GetInt64(), second.GetProperty("t").GetInt64()], rest.EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        var trade = rest[1];
        Assert.Equal(["id", "price", "qty", "quoteQty", "time", "isBuyerMaker", "isBestMatch"], trade.EnumerateObject().Select(p => p.Name));
        Assert.Equal((second.GetProperty("p").GetString(), second.GetProperty("q").GetString(), second.GetProperty("m").GetBoolean()), (trade.GetProperty("price").GetString(), trade.GetProperty("qty").GetString(), trade.GetProperty("isBuyerMaker").GetBoolean()));
        Assert.Equal(Math.Round(Dec(trade, "price") * Dec(trade, "qty"), 8), Dec(trade, "quoteQty"));
        Assert.Equal(second.GetProperty("t").GetInt64(), last.EnumerateArray().Single().GetProperty("id").GetInt64());
        Assert.Equal(rest.GetRawText(), ws.GetRawText());
    }

    [Fact]
    public async Task Book_tickers_are_the_top_of_the_depth_snapshot_on_rest_and_the_websocket_api()
    {
        SetMid(50_000m);
        var depth = await Rest("api/v3/depth?symbol=BTCUSDT&limit=1");
        var one = await Rest("api/v3/ticker/bookTicker?symbol=BTCUSDT");
        var all = await Rest("api/v3/ticker/bookTicker");
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws-api/v3");
        var ws = (await client.AskAsync("""{"id":"b1","method":"ticker.book","params":{"symbol":"BTCUSDT"}}""")).GetProperty("result");
        var some = (await client.AskAsync("""{"id":"b2","method":"ticker.book","params":{"symbols":["ETHBTC"]}}""")).GetProperty("result");
        var both = await client.AskAsync("""{"id":"b3","method":"ticker.book","params":{"symbol":"BTCUSDT","symbols":["ETHBTC"]}}""");

        Assert.Equal(
            (depth.GetProperty("bids")[0][0].GetString(), depth.GetProperty("bids")[0][1].GetString(), depth.GetProperty("asks")[0][0].GetString(), depth.GetProperty("asks")[0][1].GetString()),
            (one.GetProperty("bidPrice").GetString(), one.GetProperty("bidQty").GetString(), one.GetProperty("askPrice").GetString(), one.GetProperty("askQty").GetString()));
        Assert.Equal("BTCUSDT", one.GetProperty("symbol").GetString());
        Assert.Equal(["BTCUSDT", "ETHUSDT", "ETHBTC"], all.EnumerateArray().Select(t => t.GetProperty("symbol").GetString()));
        Assert.Equal(one.GetRawText(), ws.GetRawText());
        Assert.Equal(["ETHBTC"], some.EnumerateArray().Select(t => t.GetProperty("symbol").GetString()));
        Assert.Equal((400, -1128), (both.GetProperty("status").GetInt32(), both.GetProperty("error").GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task Day_and_price_tickers_are_cut_from_the_public_trades_on_rest_and_the_websocket_api()
    {
        SetMid(50_000m);
        var quiet = await Rest("api/v3/ticker/24hr?symbol=BTCUSDT");
        var midPrice = await Rest("api/v3/ticker/price?symbol=BTCUSDT");
        SetMid(50_100m);
        SetMid(50_000m);
        var trades = await Rest("api/v3/trades?symbol=BTCUSDT");
        var day = await Rest("api/v3/ticker/24hr?symbol=BTCUSDT");
        var price = await Rest("api/v3/ticker/price?symbol=BTCUSDT");
        var book = await Rest("api/v3/ticker/bookTicker?symbol=BTCUSDT");
        var all = await Rest("api/v3/ticker/24hr");
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws-api/v3");
        var ws = (await client.AskAsync("""{"id":"h1","method":"ticker.24hr","params":{"symbol":"BTCUSDT"}}""")).GetProperty("result");
        var mini = (await client.AskAsync("""{"id":"h2","method":"ticker.24hr","params":{"symbols":["BTCUSDT"],"type":"MINI"}}""")).GetProperty("result");
        var wsPrice = (await client.AskAsync("""{"id":"h3","method":"ticker.price","params":{"symbol":"BTCUSDT"}}""")).GetProperty("result");
        var badType = await client.AskAsync("""{"id":"h4","method":"ticker.24hr","params":{"symbol":"BTCUSDT","type":"TINY"}}""");

        Assert.Equal((0, -1, -1, "0.00000000"), (quiet.GetProperty("count").GetInt32(), quiet.GetProperty("firstId").GetInt64(), quiet.GetProperty("lastId").GetInt64(), quiet.GetProperty("lastPrice").GetString()));
        Assert.Equal("""{"symbol":"BTCUSDT","price":"50000.00000000"}""", midPrice.GetRawText());
        Assert.Equal((2, trades[0].GetProperty("id").GetInt64(), trades[1].GetProperty("id").GetInt64()), (day.GetProperty("count").GetInt32(), day.GetProperty("firstId").GetInt64(), day.GetProperty("lastId").GetInt64()));
        Assert.Equal((trades[0].GetProperty("price").GetString(), trades[1].GetProperty("price").GetString()), (day.GetProperty("openPrice").GetString(), day.GetProperty("lastPrice").GetString()));
        Assert.Equal(Dec(day, "lastPrice") - Dec(day, "openPrice"), Dec(day, "priceChange"));
        Assert.Equal((book.GetProperty("bidPrice").GetString(), book.GetProperty("askPrice").GetString()), (day.GetProperty("bidPrice").GetString(), day.GetProperty("askPrice").GetString()));
        Assert.Equal((Start.AddHours(-24).ToUnixTimeMilliseconds(), Start.ToUnixTimeMilliseconds()), (day.GetProperty("openTime").GetInt64(), day.GetProperty("closeTime").GetInt64()));
        Assert.Equal(day.GetProperty("lastPrice").GetString(), price.GetProperty("price").GetString());
        Assert.Equal(["BTCUSDT", "ETHUSDT", "ETHBTC"], all.EnumerateArray().Select(t => t.GetProperty("symbol").GetString()));
        Assert.Equal(day.GetRawText(), ws.GetRawText());
        Assert.Equal(["symbol", "openPrice", "highPrice", "lowPrice", "lastPrice", "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count"], mini[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(price.GetRawText(), wsPrice.GetRawText());
        Assert.Equal(-1100, badType.GetProperty("error").GetProperty("code").GetInt32());
    }

    private async Task<JsonElement> Rest(string path)
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUri };
        return await http.GetFromJsonAsync<JsonElement>(path);
    }

    private static IEnumerable<string?> Symbols(JsonElement info) => info.GetProperty("symbols").EnumerateArray().Select(s => s.GetProperty("symbol").GetString());

    private static decimal Dec(JsonElement element, string name) => decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
