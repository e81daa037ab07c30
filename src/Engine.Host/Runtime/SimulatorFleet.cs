using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// The in-process loopback simulators a configuration needs (one per <c>sim://venue</c>), each on 127.0.0.1 with a
/// free port. Disposing stops them all. Not thread-safe: owned by the run.
/// </summary>
public sealed class SimulatorFleet : IAsyncDisposable
{
    private readonly List<SimulatorHost> _hosts;

    private SimulatorFleet(List<SimulatorHost> hosts, IReadOnlyDictionary<string, Uri> endpoints)
    {
        _hosts = hosts;
        Endpoints = endpoints;
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
        try
        {
            foreach (var venue in venues)
            {
                var host = await SimulatorHost.StartAsync(venue, options, 0, loggerFactory, timeProvider, cancellationToken);
                hosts.Add(host);
                endpoints[venue] = host.WebSocketUri;
                logger.SimulatorStarted(venue, host.WebSocketUri);
            }
        }
        catch
        {
            await new SimulatorFleet(hosts, endpoints).DisposeAsync();
            throw;
        }

        return new SimulatorFleet(hosts, endpoints);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _hosts.Clear();
    }
}
