using System.Diagnostics;
using Engine.Simulator.Hosting;
using Engine.TestKit;
using Xunit.Abstractions;

namespace Engine.Actors.Tests.Clients.Toobit;

/// <summary>
/// ccxt's <c>toobit</c> and ccxt pro's <c>toobit</c> classes, unchanged, run their normal flow against the simulator over
/// loopback with only their base URLs changed (<c>tests/clients/toobit-ccxt/*.mjs</c>). Skipped without node and ccxt.
/// </summary>
public sealed class ToobitCcxtClientTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SimulatorFixture _simulator = null!;

    public async Task InitializeAsync() => _simulator = await SimulatorFixture.StartAsync("toobit", new SimulatorOptions());

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [CcxtFact]
    public async Task The_rest_client_loads_markets_trades_spot_and_swap_and_reads_balances_orders_trades_and_positions()
    {
        var lines = await RunAsync("run.mjs");

        Assert.Contains("ok loadMarkets BTC/USDT,BTC/USDT:USDT,ETH/USDT,ETH/USDT:USDT", lines);
        Assert.Contains("ok fetchBalance USDT=100000 BTC=2", lines);
        Assert.Contains(lines, l => l.StartsWith("ok fetchOrder filled status=closed filled=0.001", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ok fetchPositions side=long contracts=2", StringComparison.Ordinal));
        Assert.Equal("done", lines[^1]);
    }

    [CcxtFact]
    public async Task The_pro_client_watches_ticker_books_trades_and_orders()
    {
        var lines = await RunAsync("watch.mjs");

        Assert.Equal(["watchTicker", "watchOrderBook", "watchOrderBook", "watchTrades", "watchOrders"], lines.Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1]));
        Assert.Equal("done", lines[^1]);
    }

    private async Task<List<string>> RunAsync(string script)
    {
        var path = Path.Combine(RepoRoot(), "tests", "clients", "toobit-ccxt", script);
        var start = new ProcessStartInfo(CcxtFactAttribute.Node!, [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CCXT_HOME"] = CcxtFactAttribute.Home;
        start.Environment["TOOBIT_SIM_URL"] = _simulator.Host.BaseUri.ToString().TrimEnd('/');
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
        await process.WaitForExitAsync(deadline.Token);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        lines.ForEach(output.WriteLine);
        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}: {string.Join(" | ", lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)))}");
        return lines;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "clients")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("no tests/clients folder above the test binaries");
    }
}
