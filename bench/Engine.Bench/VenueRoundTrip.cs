using System.Diagnostics;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Bench.Orders;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Bench;

/// <summary>
/// What the venue round-trip benches (<see cref="Binance.BinanceRoundTripBench"/>, <see cref="Toobit.ToobitRoundTripBench"/>)
/// share: the engine side (the real tree ConnectionsSupervisor → ConnectionActor → OrderBookActor for one login, on the
/// default durable journal in a temp dir, with an <see cref="OrderFlowActor"/> of window 1 timing each
/// <c>SubmitOrder</c> to its <c>OrderAccepted</c>) and the report (p50 and p99 in µs, engine against the raw baseline).
/// </summary>
public static class VenueRoundTrip
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Runs <paramref name="login"/> on <paramref name="symbol"/> in an engine system named <c>bench-VENUE</c>: waits
    /// until an order is accepted, then times <paramref name="warmup"/> round trips it drops and <paramref name="samples"/>
    /// it returns (in <see cref="Stopwatch"/> ticks). An invalid login fails the run naming its problems.
    /// </summary>
    public static async Task<long[]> EngineAsync(
        string venue, LoginOptions login, string symbol, int warmup, int samples, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(progress);
        var problems = login.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("bench login is invalid: " + string.Join("; ", problems));
        }

        using var journal = new BenchJournal($"engine-bench-{venue}-");
        await progress.WriteLineAsync($"{venue}: engine journal {journal.Description}");
        var system = await BenchSystem.CreateAsync($"bench-{venue}", loggerFactory, journal.Journal, journal.Snapshots, ct);
        try
        {
            var settings = new ConnectionsSettings([login], id => OrderBookActor.Props(id, new OrderBookOptions()));
            var connections = system.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
            var loginId = new LoginId(login.Name);
            var flow = system.ActorOf(Props.Create(() => new OrderFlowActor(connections, loginId, new Symbol(symbol))), "probe");

            await FirstAcceptedAsync(venue, flow, progress, ct);
            await RoundTripsAsync(flow, warmup, ct);
            return await RoundTripsAsync(flow, samples, ct);
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// The lines <c>VENUE.roundtrip_p50_us</c> and <c>VENUE.roundtrip_p99_us</c>: value = engine, baseline = raw, lower is
    /// better (so <c>ratio</c> = baseline / value); each comparison, with the difference engine − raw, goes to <paramref name="progress"/>.
    /// </summary>
    public static async Task<IReadOnlyList<BenchResult>> CompareAsync(string venue, long[] engine, long[] raw, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var results = new List<BenchResult>();
        foreach (var (name, fraction) in new[] { ($"{venue}.roundtrip_p50_us", 0.50), ($"{venue}.roundtrip_p99_us", 0.99) })
        {
            var value = Percentile(engine, fraction);
            var baseline = Percentile(raw, fraction);
            await progress.WriteLineAsync($"{name}: engine {value:F1} µs, raw {baseline:F1} µs, difference {value - baseline:F1} µs");
            results.Add(new BenchResult(name, "us", value, baseline, LowerIsBetter: true));
        }

        return results;
    }

    /// <summary>Retries a single order until one is accepted: the login must reach READY and its symbol rules the order book.</summary>
    private static async Task FirstAcceptedAsync(string venue, IActorRef flow, TextWriter progress, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RoundTripsAsync(flow, 1, ct);
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 100)
            {
                if (attempt == 1)
                {
                    await progress.WriteLineAsync($"{venue}: waiting for the login to become tradable ({ex.Message})");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }

    private static async Task<long[]> RoundTripsAsync(IActorRef flow, int count, CancellationToken ct)
    {
        var done = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        flow.Tell(new OrderFlowActor.Run(count, Window: 1, done));
        return await done.Task.WaitAsync(StepTimeout, ct);
    }

    private static double Percentile(long[] ticks, double fraction)
    {
        var sorted = ticks.Order().ToArray();
        var index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
