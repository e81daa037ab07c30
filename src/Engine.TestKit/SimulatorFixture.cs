using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;

namespace Engine.TestKit;

/// <summary>
/// An in-process venue simulator (Engine.Simulator on Kestrel) on 127.0.0.1 with an ephemeral port, and a client of its
/// control API. Start one per test (<see cref="StartAsync"/>, typically from <c>IAsyncLifetime.InitializeAsync</c>) and
/// dispose it afterwards. Give it the test's <see cref="VirtualClock"/> to put the venue on engine time (its clock-aligned
/// windows, bans and timestamps then move only with <see cref="EngineTestKit.Advance"/>); without one it runs on the
/// system clock.
/// </summary>
public sealed class SimulatorFixture : IAsyncDisposable
{
    private SimulatorFixture(SimulatorHost host)
    {
        Host = host;
        Control = host.CreateControlClient();
    }

    /// <summary>The running simulator.</summary>
    public SimulatorHost Host { get; }

    /// <summary>Its control API (faults, market, state injection, quirks).</summary>
    public SimulatorControlClient Control { get; }

    /// <summary>The venue's WebSocket endpoint, for the login's options.</summary>
    public Uri WebSocketUri => Host.WebSocketUri;

    /// <summary>Starts <paramref name="venue"/> (<c>quant-gateway</c>, <c>binance</c>) with <paramref name="options"/> (defaults when null) on <paramref name="clock"/> (the system clock when null).</summary>
    public static async Task<SimulatorFixture> StartAsync(string venue, SimulatorOptions? options = null, TimeProvider? clock = null)
    {
        var host = await SimulatorHost.StartAsync(venue, options ?? new SimulatorOptions(), port: 0, timeProvider: clock).ConfigureAwait(false);
        return new SimulatorFixture(host);
    }

    /// <summary>Sets the mid of <paramref name="symbol"/> and returns the mid the simulator reports.</summary>
    public async Task<decimal> SetMidAsync(string symbol, decimal mid) =>
        (await Control.MarketAsync(new MarketCommand { Symbol = symbol, Mid = mid }).ConfigureAwait(false))[symbol];

    /// <summary>Arms <paramref name="kind"/> for the next <paramref name="count"/> <paramref name="op"/> requests (0: every one).</summary>
    public Task ArmFaultAsync(FaultKind kind, string op, int count) =>
        Control.AddFaultAsync(new FaultRule { Kind = kind, Op = op, Count = count });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await Host.DisposeAsync().ConfigureAwait(false);
    }
}
