using System.Globalization;
using Engine.Simulator.Hosting;
using Engine.TestKit;
using Xunit.Abstractions;

namespace Engine.Simulator.Tests.Clients.Binance;

/// <summary>
/// ccxt pro's <c>binance</c> class, unchanged, against the in-process Binance simulator over loopback with only its
/// URLs changed (<c>tests/clients/binance-ccxt/*.mjs</c>). Skipped without node and ccxt.
/// </summary>
public sealed class BinanceCcxtClientTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Home = "CCXT_HOME";
    private const string Package = "ccxt";
    private SimulatorFixture _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SimulatorFixture.StartAsync("binance", new SimulatorOptions());

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [NodeClientFact(Home, Package)]
    public async Task The_pro_client_watches_ticker_trades_order_book_bids_asks_all_tickers_and_candles_and_fetches_a_ticker()
    {
        var lines = await RunAsync("watch.mjs");

        var steps = NodeClient.Passed(lines,
            ["loadMarkets", "watchTicker", "watchTrades", "watchOrderBook", "watchOrderBook updates", "watchBidsAsks", "watchTickers all", "watchOHLCV", "fetchTicker", "unWatchTrades"]);
        Assert.Equal("BTC/USDT,ETH/BTC,ETH/USDT", steps["loadMarkets"]);
        Assert.True(Decimal(steps["watchTicker"], "low") <= Decimal(steps["watchTicker"], "last") && Decimal(steps["watchTicker"], "last") <= Decimal(steps["watchTicker"], "high"), steps["watchTicker"]);
        Assert.True(Decimal(steps["watchTrades"], "price") > 0m && Decimal(steps["watchTrades"], "amount") > 0m, steps["watchTrades"]);
        Assert.True(Decimal(steps["watchOrderBook updates"], "bid") < Decimal(steps["watchOrderBook updates"], "ask"), steps["watchOrderBook updates"]);
        Assert.True(Decimal(steps["watchOrderBook updates"], "nonce") > Decimal(steps["watchOrderBook"], "nonce"));
        Assert.True(Decimal(steps["fetchTicker"], "bid") < Decimal(steps["fetchTicker"], "ask"), steps["fetchTicker"]);
        Assert.Equal("done", lines[^1]);
    }

    [NodeClientFact(Home, Package)]
    public async Task The_pro_client_trades_on_the_websocket_api_signing_with_hmac_and_ed25519()
    {
        var lines = await RunAsync("ws-api.mjs");

        string[] steps = ["fetchBalanceWs", "createOrderWs limit", "fetchOrderWs", "fetchOpenOrdersWs", "cancelOrderWs", "createOrderWs market", "fetchBalanceWs after", "cancelAllOrdersWs"];
        foreach (var key in (string[])["hmac", "ed25519"])
        {
            var passed = NodeClient.Passed(lines, steps.Select(s => $"{key} {s}"));
            Assert.Contains("status=canceled", passed[$"{key} cancelOrderWs"], StringComparison.Ordinal);
            Assert.Contains("status=closed filled=0.001", passed[$"{key} createOrderWs market"], StringComparison.Ordinal);
            Assert.Equal(Decimal(passed[$"{key} fetchBalanceWs"], "BTC") + 0.001m, Decimal(passed[$"{key} fetchBalanceWs after"], "BTC"));
            Assert.Equal("canceled=1", passed[$"{key} cancelAllOrdersWs"]);
        }

        Assert.Equal("done", lines[^1]);
    }

    private Task<List<string>> RunAsync(string script) => NodeClient.RunAsync(
        "binance-ccxt",
        script,
        new Dictionary<string, string>
        {
            [Home] = NodeClient.Home(Home, Package)!,
            ["BINANCE_SIM_URL"] = _simulator.Host.BaseUri.ToString().TrimEnd('/'),
        },
        output);

    private static decimal Decimal(string detail, string name) =>
        decimal.Parse(detail.Split(' ').Select(p => p.Split('=', 2)).First(p => p[0] == name)[1], NumberStyles.Float, CultureInfo.InvariantCulture);
}
