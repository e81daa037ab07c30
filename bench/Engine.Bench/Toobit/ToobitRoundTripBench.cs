using System.Runtime.CompilerServices;
using Engine.Actors.Connections;
using Engine.Actors.Venues.Toobit;
using Engine.Bench.Orders;
using Engine.Messages.Identifiers;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using SimToobitOptions = Engine.Simulator.Venues.Toobit.ToobitOptions;

namespace Engine.Bench.Toobit;

/// <summary>
/// Order round trip through the whole engine against the in-process Toobit simulator (HTTP requests over the engine's
/// HTTP transport, pushes over the listen-key stream), next to a raw <see cref="HttpClient"/> loop against the same
/// simulator in the same run. Engine side: ConnectionsSupervisor → ConnectionActor with
/// <see cref="ToobitConnectionBehavior"/> → OrderBookActor on the default durable journal; an <see cref="OrderFlowActor"/>
/// (window 1, <see cref="VenueRoundTrip"/>) submits one order at a time and stops the clock at its <c>OrderAccepted</c>. Baseline:
/// <see cref="RawToobitClient"/> posts the same signed order and waits for the HTTP answer. Each side has its own
/// account; the simulator's and the login's limits are raised far above what the run sends (latency, not the limiter).
/// Lines: <c>toobit.roundtrip_p50_us</c> and <c>toobit.roundtrip_p99_us</c>, value = engine, baseline = raw.
/// </summary>
public static class ToobitRoundTripBench
{
    private const int Warmup = 300;
    private const int Samples = 1_500;
    private const string EngineApiKey = "bench-toobit-engine-key";
    private const string EngineSecret = "bench-toobit-engine-secret";
    private const string RawApiKey = "bench-toobit-raw-key";
    private const string RawSecret = "bench-toobit-raw-secret";
    private const int HighLimit = 1_000_000;
    private static readonly LoginId Login = new("bench-toobit");

    public static async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, int samples = Samples, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning));
        var options = new SimulatorOptions
        {
            Accounts = [Account("bench-toobit-raw", RawApiKey, RawSecret), Account("bench-toobit-engine", EngineApiKey, EngineSecret)],
            Toobit = new SimToobitOptions { RequestWeightPerMinute = HighLimit, OrdersPerInterval = HighLimit },
        };
        await using var simulator = await SimulatorHost.StartAsync("toobit", options, port: 0, loggerFactory, cancellationToken: ct);

        await context.Progress.WriteLineAsync($"toobit: raw HttpClient POST /api/v1/spot/order loop ({Warmup} warm-up + {samples})...");
        long[] raw;
        using (var client = new RawToobitClient(simulator.BaseUri, RawApiKey, RawSecret))
        {
            await client.RoundTripsAsync("rawWarm", Warmup, ct);
            raw = await client.RoundTripsAsync("raw", samples, ct);
        }

        await context.Progress.WriteLineAsync($"toobit: engine SubmitOrder → OrderAccepted ({Warmup} warm-up + {samples})...");
        var engine = await EngineAsync(simulator.BaseUri, samples, loggerFactory, context.Progress, ct);

        foreach (var result in await VenueRoundTrip.CompareAsync("toobit", engine, raw, context.Progress))
        {
            yield return result;
        }
    }

    private static Task<long[]> EngineAsync(Uri uri, int samples, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken ct)
    {
        var login = new LoginOptions
        {
            Name = Login.Value,
            Venue = LoginOptions.ToobitVenue,
            Toobit = new Engine.Actors.Venues.Toobit.ToobitOptions
            {
                Url = uri,
                ApiKey = EngineApiKey,
                Secret = EngineSecret,
                Symbols = [ToobitBenchOrder.Symbol],
                RequestWeightPerMinute = HighLimit,
                OrdersPerInterval = HighLimit,
            },
        };
        return VenueRoundTrip.EngineAsync("toobit", login, ToobitBenchOrder.Symbol, Warmup, samples, loggerFactory, progress, ct);
    }

    private static AccountOptions Account(string id, string key, string secret) => new()
    {
        Id = id,
        ApiKey = key,
        Secret = secret,
        SpotBalances = new Dictionary<string, decimal> { ["USDT"] = 1_000_000_000m, ["BTC"] = 1_000m },
    };
}
