using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Engine.Actors.MarketData;
using Engine.Actors.MarketData.Binance;
using Engine.Actors.MarketData.Books;
using Engine.Messages.MarketData;

namespace Engine.Bench.MarketData;

/// <summary>
/// The market-data hot path without the network. <c>marketdata.decode_ns.depth_update</c> and
/// <c>.book_ticker</c>: the Binance feed codec decoding a combined-stream frame into its typed event, against a raw
/// <see cref="JsonDocument"/> parse of the same bytes (CPU ns per message, median of interleaved rounds).
/// <c>marketdata.book_apply_ns</c>: one two-level delta applied to a 1,000-level local book (no raw baseline).
/// Then the feed end to end over loopback: tick-to-strategy latency p50/p99 against the Binance simulator
/// (<see cref="FeedEndToEnd"/>) and the sustained message rate against a loopback producer that replays frames as fast
/// as they are taken (<see cref="FeedThroughput"/>), each beside a raw <see cref="System.Net.WebSockets.ClientWebSocket"/>
/// receive loop in the same run.
/// </summary>
public sealed class MarketDataSuite : IBenchSuite
{
    private const int Messages = 200_000;
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly byte[] DepthUpdate = Encoding.UTF8.GetBytes(
        """{"stream":"btcusdt@depth@100ms","data":{"e":"depthUpdate","E":1767225600300,"s":"BTCUSDT","U":1003,"u":1005,"b":[["93850.00000000","1.20000000"],["93849.50000000","0.00000000"]],"a":[["93851.00000000","0.80000000"]]}}""");

    private static readonly byte[] BookTicker = Encoding.UTF8.GetBytes(
        """{"stream":"btcusdt@bookTicker","data":{"u":71234567890,"s":"BTCUSDT","b":"93850.00000000","B":"1.25000000","a":"93850.01000000","A":"0.40000000"}}""");

    /// <inheritdoc />
    public string Name => "marketdata";

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var http = new HttpClient();
        var codec = new BinanceFeedCodec(new FeedId("bench"), new FeedOptions { Name = "bench", Venue = "binance", Url = new Uri("wss://stream.binance.com:9443") }, http);
        foreach (var (name, frame) in new[] { ("depth_update", DepthUpdate), ("book_ticker", BookTicker) })
        {
            cancellationToken.ThrowIfCancellationRequested();
            await context.Progress.WriteLineAsync($"marketdata.decode_ns.{name}: raw JsonDocument parse and the feed codec, rounds interleaved, CPU time...");
            var (raw, engine) = CpuNanosPerMessage(context.Rounds, () => JsonDocument.Parse(frame).Dispose(), () => codec.Decode(frame, At));
            yield return new BenchResult($"marketdata.decode_ns.{name}", "ns/message", engine, raw, LowerIsBetter: true);
        }

        await context.Progress.WriteLineAsync("marketdata.book_apply_ns: deltas on a 1,000-level book...");
        var book = new LocalOrderBook();
        book.Reset(
            Enumerable.Range(0, 1_000).Select(i => new BookLevel(90_000m - i, 1m)),
            Enumerable.Range(0, 1_000).Select(i => new BookLevel(90_001m + i, 1m)));
        var counter = 0;
        var apply = await Measure.MedianRateAsync(context.Rounds, Messages, () => Repeat(() =>
        {
            var price = 90_000m - (counter++ % 500);
            book.Apply([new BookLevel(price, 0m), new BookLevel(price, 2m)], [new BookLevel(90_001m + (counter % 500), 1.5m)]);
        }));
        yield return new BenchResult("marketdata.book_apply_ns", "ns/delta", 1e9 / apply, LowerIsBetter: true);

        await foreach (var result in FeedEndToEnd.RunAsync(context, cancellationToken))
        {
            yield return result;
        }

        await foreach (var result in FeedThroughput.RunAsync(context, cancellationToken))
        {
            yield return result;
        }
    }

    /// <summary>
    /// The median CPU nanoseconds per call of <paramref name="raw"/> and <paramref name="engine"/>, rounds alternating
    /// (after one warm-up round each). CPU time of the process, not wall time: both loops are single-threaded and never
    /// wait, and on a shared machine wall time measures the neighbours as much as the code.
    /// </summary>
    private static (double Raw, double Engine) CpuNanosPerMessage(int rounds, Action raw, Action engine)
    {
        var raws = new List<double>(rounds);
        var engines = new List<double>(rounds);
        for (var i = -1; i < rounds; i++)
        {
            var r = CpuNanos(raw);
            var e = CpuNanos(engine);
            if (i >= 0)
            {
                raws.Add(r);
                engines.Add(e);
            }
        }

        raws.Sort();
        engines.Sort();
        return (raws[rounds / 2], engines[rounds / 2]);
    }

    private static double CpuNanos(Action action)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        for (var i = 0; i < Messages; i++)
        {
            action();
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalNanoseconds / Messages;
    }

    private static Task Repeat(Action action)
    {
        for (var i = 0; i < Messages; i++)
        {
            action();
        }

        return Task.CompletedTask;
    }
}
