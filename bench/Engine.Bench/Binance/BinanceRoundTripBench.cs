using System.Runtime.CompilerServices;
using Engine.Actors.Connections;
using Engine.Actors.Venues.Binance;
using Engine.Bench.Orders;
using Engine.Messages.Identifiers;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Engine.Simulator.Venues.Binance;
using Microsoft.Extensions.Logging;
using SimBinanceOptions = Engine.Simulator.Venues.Binance.BinanceOptions;

namespace Engine.Bench.Binance;

/// <summary>
/// Order round trip through the whole engine against the in-process Binance simulator, next to a raw
/// <see cref="ClientWebSocket"/> baseline against the same simulator in the same run.
/// <para>
/// Engine side: the real tree (ConnectionsSupervisor → ConnectionActor with <see cref="BinanceConnectionBehavior"/>
/// → OrderBookActor on Akka.NET, on the default durable journal in a temp dir: the engine plugin on SQLite, synchronous FULL) with an HMAC login; a
/// <see cref="OrderFlowActor"/> (window 1, <see cref="VenueRoundTrip"/>) tells one <c>SubmitOrder</c> at a time to the supervisor and stops the clock when the
/// <c>OrderAccepted</c> for it arrives on the event stream. Baseline: <see cref="RawBinanceClient"/> signs and sends
/// the same <c>order.place</c> (HMAC demo key, <c>newOrderRespType</c> FULL, as the engine sends) and waits for the
/// response, one at a time. Each side has its own simulator account, so the engine's reconciliation never sees the
/// baseline's resting orders. The orders rest far below the market and are left resting (see <see cref="BinanceBenchOrder"/>).
/// </para>
/// <para>
/// Limits: the simulator's ORDERS windows (50 per 10 s by default) and the login's budget are raised far above
/// what the run sends, because this measures latency, not the rate limiter: at the default limits the budget would
/// queue (and the simulator refuse) all but the first 50 orders of every 10 s.
/// </para>
/// <para>
/// Lines: <c>binance.roundtrip_p50_us</c> and <c>binance.roundtrip_p99_us</c>, value = engine, baseline = raw; latency is
/// lower-is-better, so <c>ratio</c> = baseline / value (1 = as fast as the raw loop, 0.5 = twice as slow). The
/// difference engine − raw in µs goes to stderr.
/// </para>
/// </summary>
public static class BinanceRoundTripBench
{
    private const int Warmup = 300;
    private const int Samples = 1_500;
    private const string EngineApiKey = "benchBinanceEngineKey0000000000000000000000000000000000000000000";
    private const string EngineSecret = "benchBinanceEngineSecret";
    private const int HighLimit = 1_000_000;
    private static readonly LoginId Login = new("bench-binance");

    public static async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        var options = new SimulatorOptions
        {
            Accounts = [BenchBalances(DemoAccounts.BinanceHmac), BenchBalances(new AccountOptions { Id = "bench-binance-engine", ApiKey = EngineApiKey, Secret = EngineSecret })],
            Binance = new SimBinanceOptions
            {
                RateLimits = new BinanceRateLimitOptions { WeightPerMinute = int.MaxValue / 2, OrdersPerTenSeconds = int.MaxValue / 2, OrdersPerDay = int.MaxValue / 2 },
            },
        };
        await using var simulator = await SimulatorHost.StartAsync("binance", options, port: 0, loggerFactory, cancellationToken: ct);

        await context.Progress.WriteLineAsync($"binance: raw ClientWebSocket order.place loop ({Warmup} warm-up + {Samples})...");
        var raw = await RawAsync(simulator.WebSocketUri, ct);
        await context.Progress.WriteLineAsync($"binance: engine SubmitOrder → OrderAccepted ({Warmup} warm-up + {Samples})...");
        var engine = await EngineAsync(simulator.WebSocketUri, loggerFactory, context.Progress, ct);

        foreach (var result in await VenueRoundTrip.CompareAsync("binance", engine, raw, context.Progress))
        {
            yield return result;
        }
    }

    private static async Task<long[]> RawAsync(Uri uri, CancellationToken ct)
    {
        await using var client = await RawBinanceClient.ConnectAsync(uri, DemoAccounts.BinanceHmac.ApiKey, DemoAccounts.BinanceHmac.Secret, ct);
        await client.RoundTripsAsync("rawWarm", Warmup, ct);
        return await client.RoundTripsAsync("raw", Samples, ct);
    }

    private static Task<long[]> EngineAsync(Uri uri, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken ct)
    {
        var login = new LoginOptions
        {
            Name = Login.Value,
            Venue = LoginOptions.BinanceVenue,
            Binance = new Engine.Actors.Venues.Binance.BinanceOptions
            {
                Url = uri,
                ApiKey = EngineApiKey,
                KeyType = BinanceKeyType.Hmac,
                Secret = EngineSecret,
                Symbols = [BinanceBenchOrder.Symbol],
                RequestWeightPerMinute = HighLimit,
                OrdersPerTenSeconds = HighLimit,
                OrdersPerDay = HighLimit * 100,
            },
        };
        return VenueRoundTrip.EngineAsync("binance", login, BinanceBenchOrder.Symbol, Warmup, Samples, loggerFactory, progress, ct);
    }

    private static AccountOptions BenchBalances(AccountOptions account) => account with
    {
        SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 1_000_000_000m, ["BTC"] = 1_000m },
    };
}
