using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// The in-process loopback simulators a configuration needs (one per <c>sim://venue</c>), each on 127.0.0.1 with a
/// free port, priced from one <see cref="SharedMarket"/>: a symbol two venues list (the quant gateway's <c>BTC/USDT</c>,
/// Binance's <c>BTCUSDT</c>) has one price, so a strategy reading one venue's feed trades at that price on the other.
/// Disposing stops them all. Not thread-safe: owned by the run.
/// </summary>
public sealed class SimulatorFleet : IAsyncDisposable
{
    private readonly List<SimulatorHost> _hosts;
    private readonly SharedMarket _market;

    private SimulatorFleet(List<SimulatorHost> hosts, IReadOnlyDictionary<string, Uri> endpoints, SharedMarket market)
    {
        _hosts = hosts;
        Endpoints = endpoints;
        _market = market;
    }

    /// <summary>Each started venue's WebSocket address.</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints { get; }

    /// <summary>Starts one simulator per venue; on failure stops those already started and rethrows.</summary>
    public static async Task<SimulatorFleet> StartAsync(
        IReadOnlyList<string> venues, SimulatorOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger<SimulatorFleet>();
        var hosts = new List<SimulatorHost>();
        var endpoints = new Dictionary<string, Uri>(StringComparer.Ordinal);
        var market = new SharedMarket(options.Market, timeProvider);
        try
        {
            foreach (var venue in venues)
            {
                var host = await SimulatorHost.StartAsync(venue, options, 0, loggerFactory, timeProvider, market, cancellationToken);
                hosts.Add(host);
                endpoints[venue] = host.WebSocketUri;
                logger.SimulatorStarted(venue, host.WebSocketUri);
            }

            market.Link(hosts.Select(h => h.Venue));
            market.Start();
        }
        catch
        {
            await new SimulatorFleet(hosts, endpoints, market).DisposeAsync();
            throw;
        }

        return new SimulatorFleet(hosts, endpoints, market);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _market.DisposeAsync();
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }
}
