using System.Globalization;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.Binance;
using Engine.TestKit;
using Xunit.Abstractions;

namespace Engine.Simulator.Tests.Clients.Binance;

/// <summary>
/// Binance's official JavaScript connector (<c>@binance/connector</c>), unchanged, against the in-process Binance
/// simulator over loopback with only its base URLs changed (<c>tests/clients/binance-connector/*.mjs</c>): the
/// <c>WebsocketStream</c> market streams and the <c>WebsocketAPI</c>. Skipped without node and the package.
/// </summary>
public sealed class BinanceConnectorClientTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Home = "BINANCE_CONNECTOR_HOME";
    private const string Package = "@binance/connector";
    private SimulatorFixture _simulator = null!;

    // Server pings every second so the client's pong is seen without waiting Binance's 20 s.
    public async Task InitializeAsync() =>
        _simulator = await SimulatorFixture.StartAsync("binance", new SimulatorOptions { Binance = new BinanceOptions { PingInterval = TimeSpan.FromSeconds(1) } });

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [NodeClientFact(Home, Package)]
    public async Task The_stream_client_reads_raw_and_combined_streams_subscribes_and_unsubscribes_live_and_reconnects()
    {
        var lines = await RunAsync("streams.mjs");

        var steps = NodeClient.Passed(lines,
        [
            "open /ws/btcusdt@bookTicker", "bookTicker", "SUBSCRIBE", "trade", "depthUpdate", "kline", "ticker", "LIST_SUBSCRIPTIONS",
            "UNSUBSCRIBE", "server ping", "reconnect after close", "open /stream", "combined bookTicker", "combined depth5", "combined SUBSCRIBE aggTrade",
            "combined SUBSCRIBE !miniTicker@arr",
        ]);
        Assert.True(Decimal(steps["bookTicker"], "bid") < Decimal(steps["bookTicker"], "ask"), steps["bookTicker"]);
        Assert.Equal("replies=4 result=null", steps["SUBSCRIBE"]);
        Assert.Equal(long.Parse(Field(steps["depthUpdate"], "u"), CultureInfo.InvariantCulture) + 1, long.Parse(Field(steps["depthUpdate"], "nextU"), CultureInfo.InvariantCulture));
        Assert.Equal("btcusdt@bookTicker,btcusdt@trade,btcusdt@depth@100ms,btcusdt@kline_1m,btcusdt@ticker", steps["LIST_SUBSCRIPTIONS"]);
        Assert.True(Decimal(steps["reconnect after close"], "bid") < Decimal(steps["reconnect after close"], "ask"), steps["reconnect after close"]);
        Assert.StartsWith("stream=ethusdt@bookTicker ", steps["combined bookTicker"], StringComparison.Ordinal);
        Assert.StartsWith("stream=btcusdt@aggTrade ", steps["combined SUBSCRIBE aggTrade"], StringComparison.Ordinal);
        Assert.StartsWith("stream=!miniTicker@arr symbols=", steps["combined SUBSCRIBE !miniTicker@arr"], StringComparison.Ordinal);
        Assert.Equal("done", lines[^1]);
    }

    [NodeClientFact(Home, Package)]
    public async Task The_api_client_reads_public_data_and_places_queries_and_cancels_signed_orders()
    {
        var lines = await RunAsync("api.mjs");

        var steps = NodeClient.Passed(lines,
        [
            "open", "ping", "time", "exchangeInfo", "depth", "order.place resting", "order.status", "openOrders.status", "order.cancel",
            "order.status canceled", "order.place crossing", "trades.recent", "ticker.book", "ticker.24hr", "ticker.price", "account.status", "openOrders.cancelAll", "wrong secret",
        ]);
        Assert.Equal("symbol=BTCUSDT tickSize=0.01000000 stepSize=0.00001000", steps["exchangeInfo"]);
        Assert.True(Decimal(steps["depth"], "bid") < Decimal(steps["depth"], "ask"), steps["depth"]);
        Assert.Contains("status=NEW", steps["order.place resting"], StringComparison.Ordinal);
        Assert.Equal("status=CANCELED", steps["order.status canceled"]);
        Assert.Contains("status=FILLED", steps["order.place crossing"], StringComparison.Ordinal);
        Assert.Equal(Decimal(steps["order.place crossing"], "price"), Decimal(steps["trades.recent"], "price"));
        Assert.True(Decimal(steps["ticker.book"], "bid") < Decimal(steps["ticker.book"], "ask"), steps["ticker.book"]);
        Assert.Equal("canceled=1", steps["openOrders.cancelAll"]);
        Assert.Equal("status=400 code=-1022", steps["wrong secret"]);
        Assert.Equal("done", lines[^1]);
    }

    private Task<List<string>> RunAsync(string script) => NodeClient.RunAsync(
        "binance-connector",
        script,
        new Dictionary<string, string>
        {
            [Home] = NodeClient.Home(Home, Package)!,
            ["BINANCE_SIM_URL"] = _simulator.Host.BaseUri.ToString().TrimEnd('/'),
        },
        output);

    private static string Field(string detail, string name) =>
        detail.Split(' ').Select(p => p.Split('=', 2)).First(p => p[0] == name)[1];

    private static decimal Decimal(string detail, string name) => decimal.Parse(Field(detail, name), CultureInfo.InvariantCulture);
}
