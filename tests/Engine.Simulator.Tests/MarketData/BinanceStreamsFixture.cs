using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.MarketData;

/// <summary>
/// One Binance simulator per test for the market-data tests, over real loopback sockets on a manual clock
/// (<see cref="Clock"/>) with no market tick, so the market moves only when a test sets a mid (<see cref="SetMid"/>);
/// with its control client and a wait for the streams a client has subscribed (<see cref="AwaitStreams"/>); a test that
/// needs other rate limits restarts it with them (<see cref="RestartAsync"/>).
/// </summary>
public abstract class BinanceStreamsFixture : IAsyncLifetime
{
    /// <summary>Where <see cref="Clock"/> starts.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected ManualTimeProvider Clock { get; } = new(Start);

    protected SimulatorHost Host { get; private set; } = null!;

    protected SimulatorControlClient Control { get; private set; } = null!;

    protected BinanceSimulator Venue => (BinanceSimulator)Host.Venue;

    public Task InitializeAsync() => StartAsync(new BinanceRateLimitOptions());

    public async Task DisposeAsync()
    {
        Control.Dispose();
        await Host.DisposeAsync();
    }

    /// <summary>Replaces the simulator with one enforcing <paramref name="limits"/> (same clock, a new port).</summary>
    protected async Task RestartAsync(BinanceRateLimitOptions limits)
    {
        await DisposeAsync();
        await StartAsync(limits);
    }

    private async Task StartAsync(BinanceRateLimitOptions limits)
    {
        Host = await SimulatorHost.StartAsync(
            "binance",
            new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero }, Binance = new BinanceOptions { RateLimits = limits } },
            0,
            null,
            Clock);
        Control = Host.CreateControlClient();
    }

    /// <summary>Sets the BTCUSDT mid, as <c>/_control/market</c> would.</summary>
    protected void SetMid(decimal mid) => Host.Venue.ApplyMarket(new MarketCommand { Symbol = "BTCUSDT", Mid = mid });

    /// <summary>Waits (within the client timeout) until the venue's stream subscriptions are exactly <paramref name="streams"/>.</summary>
    protected async Task AwaitStreams(params string[] streams)
    {
        using var cts = new CancellationTokenSource(StreamTestClient.Timeout);
        while (!Venue.StreamSubscriptions().SequenceEqual(streams))
        {
            await Task.Delay(10, cts.Token);
        }
    }
}
