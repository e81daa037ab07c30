using System.Diagnostics;
using System.Runtime.CompilerServices;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Persistence.InMemory;
using Engine.Persistence.Serialization;
using Microsoft.Extensions.Logging;

namespace Engine.Bench.Persistence;

/// <summary>
/// The <c>persistence</c> suite. <c>journal.append.*</c>: 100 persistent actors × 10,000 events, each actor persisting
/// one event per command (group commit batches them), against plain INSERTs of the same rows in transactions of 100
/// (one row per writer, as group commit would ideally form them) into the same schema. <c>journal.replay.*</c>: recovery
/// of one persistent actor over 1,000,000 events (read, deserialize, apply), against a plain SELECT of the same rows.
/// SQLite always; PostgreSQL when <c>ENGINE_TEST_PG</c> or <c>ENGINE_PG</c> is set.
/// </summary>
public sealed class PersistenceSuite : IBenchSuite
{
    private const int Writers = 100;
    private const int EventsEach = 10_000;
    private const int ReplayEvents = 1_000_000;

    /// <inheritdoc />
    public string Name => "persistence";

    /// <inheritdoc />
    public IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, CancellationToken cancellationToken) => RunAsync(context, null, cancellationToken);

    /// <summary>Runs the cases of every configured backend, or only of <paramref name="backendName"/> (<c>sqlite</c>, <c>postgresql</c>).</summary>
    public static async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, string? backendName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var backends = new List<Func<IBenchBackend>> { () => new SqliteBenchBackend() };
        var pg = Environment.GetEnvironmentVariable("ENGINE_TEST_PG") is { Length: > 0 } t ? t : Environment.GetEnvironmentVariable("ENGINE_PG");
        if (!string.IsNullOrEmpty(pg))
        {
            backends.Add(() => new PostgreSqlBenchBackend(pg));
        }

        foreach (var create in backends)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var backend = create();
            if (backendName is not null && backend.Name != backendName)
            {
                continue;
            }

            await context.Progress.WriteLineAsync($"persistence: {backend.Name} append (100 actors x 10,000 events)");
            yield return await AppendAsync(backend);
            await context.Progress.WriteLineAsync($"persistence: {backend.Name} replay (1,000,000 events)");
            yield return await ReplayAsync(backend);
        }
    }

    private static EventManifestRegistry Registry() => new EventManifestRegistry().Register<BenchEvent>("bench-event", 1);

    private static async Task<BenchResult> AppendAsync(IBenchBackend backend)
    {
        var payload = Registry().Serialize(new BenchEvent(1, "BTCUSDT", 101.5m)).Payload;
        await ActorAppendAsync(backend, "warmup-actors", Writers, 50);
        await backend.RawAppendAsync("warmup-raw", Writers, 50, payload);

        var raw = Stopwatch.StartNew();
        await backend.RawAppendAsync("append-raw", Writers, EventsEach, payload);
        raw.Stop();
        var engine = await ActorAppendAsync(backend, "append-actors", Writers, EventsEach);

        const double total = (double)Writers * EventsEach;
        return new BenchResult($"journal.append.{backend.Name}", "events/s", total / engine.TotalSeconds, total / raw.Elapsed.TotalSeconds);
    }

    private static async Task<TimeSpan> ActorAppendAsync(IBenchBackend backend, string store, int writers, int eventsEach)
    {
        await using var persistence = new PersistenceExtension(await backend.OpenJournalAsync(store), new InMemorySnapshotStore(0), Registry(), "bench");
        var system = ActorSystem.Create("bench-append", SystemOptions());
        try
        {
            var done = Enumerable.Range(0, writers).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
            var actors = Enumerable.Range(0, writers)
                .Select(w => system.ActorOf(Props.Create(() => new AppendActor(persistence, "writer-" + w, eventsEach, done[w]))))
                .ToArray();
            var clock = Stopwatch.StartNew();
            for (var n = 1; n <= eventsEach; n++)
            {
                foreach (var actor in actors)
                {
                    actor.Tell(new AppendActor.Append(n));
                }
            }

            await Task.WhenAll(done.Select(d => d.Task)).WaitAsync(TimeSpan.FromMinutes(10));
            return clock.Elapsed;
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<BenchResult> ReplayAsync(IBenchBackend backend)
    {
        var payload = Registry().Serialize(new BenchEvent(1, "BTCUSDT", 101.5m)).Payload;
        await backend.LoadAsync("replay", "replayed", ReplayEvents, "bench-event.v1", payload);
        await using var persistence = new PersistenceExtension(await backend.OpenJournalAsync("replay"), new InMemorySnapshotStore(0), Registry(), "bench");
        var system = ActorSystem.Create("bench-replay", SystemOptions());
        try
        {
            var engine = new List<double>();
            var raw = new List<double>();
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                var rows = await backend.RawScanAsync("replay", "replayed");
                raw.Add(rows / clock.Elapsed.TotalSeconds);

                var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                clock.Restart();
                var actor = system.ActorOf(Props.Create(() => new ReplayActor(persistence, "replayed", done)));
                var applied = await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
                engine.Add(applied / clock.Elapsed.TotalSeconds);
                system.Stop(actor);
                if (applied != ReplayEvents || rows != ReplayEvents)
                {
                    throw new InvalidOperationException($"replay read {applied} events and the scan {rows} rows; expected {ReplayEvents}");
                }
            }

            return new BenchResult($"journal.replay.{backend.Name}", "events/s", Median(engine), Median(raw));
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>Warnings and errors (e.g. a persistent actor stopping on a journal failure) go to stderr.</summary>
    private static ActorSystemOptions SystemOptions() => new()
    {
        LoggerFactory = LoggerFactory.Create(b => b.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning)),
    };

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
