using System.Globalization;
using System.Text.Json;
using Engine.Simulator.Faults;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;

namespace Engine.Simulator.Tests.MarketData;

/// <summary>
/// The Binance simulator's 24 h tickers and the market-data faults armed through the control API, over real loopback
/// sockets on a manual clock; the market moves only when a test sets a mid.
/// </summary>
public sealed class BinanceTickerAndFaultTests : BinanceStreamsFixture
{
    [Fact]
    public async Task Ticker_and_mini_ticker_publish_the_24h_window_of_the_trades_once_a_second()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@ticker/btcusdt@miniTicker/btcusdt@trade");
        await AwaitStreams("btcusdt@miniTicker", "btcusdt@ticker", "btcusdt@trade");
        SetMid(50_000m);
        SetMid(50_100m);
        var first = await Next(client, "btcusdt@trade");
        var mini = await Next(client, "btcusdt@miniTicker");
        Assert.Equal(["e", "E", "s", "c", "o", "h", "l", "v", "q"], mini.EnumerateObject().Select(p => p.Name));
        Assert.Equal(first.GetProperty("p").GetString(), mini.GetProperty("c").GetString());
        var ticker = await Next(client, "btcusdt@ticker");
        Assert.Equal(["e", "E", "s", "p", "P", "w", "x", "c", "Q", "b", "B", "a", "A", "o", "h", "l", "v", "q", "O", "C", "F", "L", "n"], ticker.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("24hrTicker", 1L), (ticker.GetProperty("e").GetString(), ticker.GetProperty("n").GetInt64()));

        SetMid(50_000m);
        Clock.Advance(TimeSpan.FromSeconds(1));
        SetMid(49_900m);
        var third = await Next(client, "btcusdt@trade", skip: 1);
        ticker = await Next(client, "btcusdt@ticker");

        Assert.Equal(3, ticker.GetProperty("n").GetInt64());
        Assert.Equal(first.GetProperty("t").GetInt64(), ticker.GetProperty("F").GetInt64());
        Assert.Equal(third.GetProperty("t").GetInt64(), ticker.GetProperty("L").GetInt64());
        Assert.Equal(first.GetProperty("p").GetString(), ticker.GetProperty("o").GetString());
        Assert.Equal(third.GetProperty("p").GetString(), ticker.GetProperty("c").GetString());
        Assert.Equal(D(third, "p") - D(first, "p"), D(ticker, "p"));
        Assert.Equal(D(first, "p"), D(ticker, "h"));
        Assert.True(D(ticker, "l") <= D(third, "p"));
        Assert.Equal((Clock.GetUtcNow() - TickerTape.Window).ToUnixTimeMilliseconds(), ticker.GetProperty("O").GetInt64());
    }

    [Fact]
    public async Task A_reorder_diff_rule_on_theControl_api_sends_the_next_diff_after_the_one_that_follows()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@depth@100ms");
        await AwaitStreams("btcusdt@depth@100ms");
        SetMid(50_000m);
        var before = await Next(client, "btcusdt@depth@100ms");

        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.ReorderDiff, Op = "BTCUSDT" });
        SetMid(50_010m);
        SetMid(50_020m);

        var later = await Next(client, "btcusdt@depth@100ms");
        var held = await Next(client, "btcusdt@depth@100ms");
        Assert.Equal(before.GetProperty("u").GetInt64() + 1, held.GetProperty("U").GetInt64());
        Assert.Equal(held.GetProperty("u").GetInt64() + 1, later.GetProperty("U").GetInt64());
        Assert.Empty(await Control.GetFaultsAsync());
    }

    [Fact]
    public async Task Drop_and_duplicate_diff_rules_make_a_gap_and_a_repeat()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@depth@100ms");
        await AwaitStreams("btcusdt@depth@100ms");
        SetMid(50_000m);
        var before = await Next(client, "btcusdt@depth@100ms");

        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.DropDiff, Op = "BTCUSDT" });
        SetMid(50_010m);
        SetMid(50_020m);
        var afterGap = await Next(client, "btcusdt@depth@100ms");
        Assert.True(afterGap.GetProperty("U").GetInt64() > before.GetProperty("u").GetInt64() + 1);

        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.DuplicateDiff, Op = "BTCUSDT" });
        SetMid(50_030m);
        var once = await Next(client, "btcusdt@depth@100ms");
        var twice = await Next(client, "btcusdt@depth@100ms");
        Assert.Equal(once.GetRawText(), twice.GetRawText());
    }

    [Fact]
    public async Task A_stall_rule_silences_the_symbols_streams_for_its_delay_and_a_close_rule_closes_them()
    {
        await using var client = await StreamTestClient.ConnectAsync(Host.BaseUri, "/stream?streams=btcusdt@trade/ethusdt@trade");
        await AwaitStreams("btcusdt@trade", "ethusdt@trade");
        SetMid(50_000m);

        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.StallStream, Op = "BTCUSDT", DelayMs = 5_000 });
        SetMid(50_010m);
        Host.Venue.ApplyMarket(new MarketCommand { Symbol = "ETHUSDT", Mid = 3_000m });
        Host.Venue.ApplyMarket(new MarketCommand { Symbol = "ETHUSDT", Mid = 3_010m });
        // The first frame after the stall began is ETH's: BTC's trade of 50,010 was never sent.
        Assert.Equal("ETHUSDT", (await client.NextAsync()).GetProperty("data").GetProperty("s").GetString());

        Clock.Advance(TimeSpan.FromSeconds(5));
        SetMid(50_020m);
        Assert.Equal("BTCUSDT", (await client.NextAsync()).GetProperty("data").GetProperty("s").GetString());

        await Control.AddFaultAsync(new FaultRule { Kind = FaultKind.CloseStreams, Op = "BTCUSDT" });
        SetMid(50_030m);
        await client.Closed.Task.WaitAsync(StreamTestClient.Timeout);
    }

    private static decimal D(JsonElement e, string name) => decimal.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static async Task<JsonElement> Next(StreamTestClient client, string stream, int skip = 0)
    {
        while (true)
        {
            var frame = await client.NextAsync(f => f.GetProperty("stream").GetString() == stream);
            if (skip-- == 0)
            {
                return frame.GetProperty("data");
            }
        }
    }
}
