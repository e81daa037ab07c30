using System.Globalization;
using System.Text.Json;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.MarketData;

/// <summary>
/// Candles are kept for every interval whether or not anyone subscribes (Binance's are the market's, not the
/// subscriber's): a client subscribing after a quiet spell gets the current interval's candle, not one left over from an
/// earlier subscription (what Binance's connector saw before: a 13-minute-old candle sent as just closed).
/// </summary>
public sealed class BinanceKlineTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(Start);
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await SimulatorHost.StartAsync("binance", new SimulatorOptions { Market = new MarketOptions { TickInterval = TimeSpan.Zero } }, 0, null, _clock);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_later_subscriber_gets_the_current_candle_built_while_nobody_listened()
    {
        await using (var early = await StreamTestClient.ConnectAsync(_host.BaseUri, "/ws/btcusdt@kline_1m"))
        {
            await AwaitStreams("btcusdt@kline_1m");
            SetMid(50_000m);
            Assert.Equal(Start.ToUnixTimeMilliseconds(), (await early.NextAsync()).GetProperty("k").GetProperty("t").GetInt64());
        }

        await AwaitStreams();
        _clock.Advance(TimeSpan.FromMinutes(10));
        SetMid(51_000m);
        SetMid(51_500m);
        await using var late = await StreamTestClient.ConnectAsync(_host.BaseUri, "/ws/btcusdt@kline_1m");
        await AwaitStreams("btcusdt@kline_1m");
        SetMid(51_200m);

        var k = (await late.NextAsync()).GetProperty("k");
        Assert.Equal((Start.AddMinutes(10).ToUnixTimeMilliseconds(), false), (k.GetProperty("t").GetInt64(), k.GetProperty("x").GetBoolean()));
        // The minute's first price was the move to 51,000, which traded at the best ask just above it.
        Assert.InRange(Dec(k, "o"), 51_000m, 51_010m);
        Assert.True(Dec(k, "h") >= 51_500m, k.GetRawText());
    }

    private void SetMid(decimal mid) => _host.Venue.ApplyMarket(new MarketCommand { Symbol = "BTCUSDT", Mid = mid });

    private async Task AwaitStreams(params string[] streams)
    {
        using var cts = new CancellationTokenSource(StreamTestClient.Timeout);
        while (!((BinanceSimulator)_host.Venue).StreamSubscriptions().SequenceEqual(streams))
        {
            await Task.Delay(10, cts.Token);
        }
    }

    private static decimal Dec(JsonElement element, string name) => decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
