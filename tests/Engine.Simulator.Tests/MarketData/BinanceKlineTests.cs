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
public sealed class BinanceKlineTests : BinanceStreamsFixture
{
    [Fact]
    public async Task A_later_subscriber_gets_the_current_candle_built_while_nobody_listened()
    {
        await using (var early = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws/btcusdt@kline_1m"))
        {
            await AwaitStreams("btcusdt@kline_1m");
            SetMid(50_000m);
            Assert.Equal(Start.ToUnixTimeMilliseconds(), (await early.NextAsync()).GetProperty("k").GetProperty("t").GetInt64());
        }

        await AwaitStreams();
        Clock.Advance(TimeSpan.FromMinutes(10));
        SetMid(51_000m);
        SetMid(51_500m);
        await using var late = await StreamTestClient.ConnectAsync(Host.BaseUri, "/ws/btcusdt@kline_1m");
        await AwaitStreams("btcusdt@kline_1m");
        SetMid(51_200m);

        var k = (await late.NextAsync()).GetProperty("k");
        Assert.Equal((Start.AddMinutes(10).ToUnixTimeMilliseconds(), false), (k.GetProperty("t").GetInt64(), k.GetProperty("x").GetBoolean()));
        // The minute's first price was the move to 51,000, which traded at the best ask just above it.
        Assert.InRange(Dec(k, "o"), 51_000m, 51_010m);
        Assert.True(Dec(k, "h") >= 51_500m, k.GetRawText());
    }

    private static decimal Dec(JsonElement element, string name) => decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
