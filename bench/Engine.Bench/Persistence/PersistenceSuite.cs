using System.Diagnostics;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Configuration;
using Engine.Persistence;

namespace Engine.Bench.Persistence;

/// <summary>
/// The <c>persistence</c> suite, for each Akka.Persistence plugin (<c>engine</c>, <c>akka-sql</c>) on each database.
/// <c>journal.append.&lt;plugin&gt;.&lt;db&gt;</c>: 100 persistent actors × 2,000 events, each actor persisting one event per
/// command with <c>Persist</c> (one in flight per actor; the journal batches across actors), against plain INSERTs of
/// the same rows in transactions of 100 (one row per writer, as group commit would ideally form them) into the engine
/// journal's schema, measured in the same run. <c>journal.replay.&lt;plugin&gt;.&lt;db&gt;</c>: recovery of one persistent
/// actor over 200,000 events (read, deserialize, apply; median of 3), against a plain SELECT of every column of the same
/// rows from that plugin's table. Durable settings everywhere: SQLite WAL with synchronous=FULL, PostgreSQL fsync on.
/// SQLite always; PostgreSQL when <c>ENGINE_PG</c> (or <c>ENGINE_TEST_PG</c>) is set.
/// </summary>
public sealed class PersistenceSuite : IBenchSuite
{
    private const int Writers = 100;
    private const int EventsEach = 2_000;
    private const int ReplayEvents = 200_000;
    private static readonly string[] Plugins = ["engine", "akka-sql"];

    /// <inheritdoc />
    public string Name => "persistence";

    /// <inheritdoc />
    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var databases = new List<Func<IBenchDatabase>> { () => new SqliteBenchDatabase() };
        var pg = Environment.GetEnvironmentVariable("ENGINE_PG") is { Length: > 0 } p ? p : Environment.GetEnvironmentVariable("ENGINE_TEST_PG");
        if (!string.IsNullOrEmpty(pg))
        {
            databases.Add(() => new PostgreSqlBenchDatabase(pg));
        }

        var payload = BenchEventSerializer.Bytes(new BenchEvent(1, "BTCUSDT", 101.5m));
        foreach (var create in databases)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var database = create();
            await context.Progress.WriteLineAsync($"persistence: {database.Name} raw append baseline ({Writers} x {EventsEach:N0} rows)");
            await database.RawAppendAsync("warmup-raw", Writers, 50, payload);
            var raw = Stopwatch.StartNew();
            await database.RawAppendAsync("append-raw", Writers, EventsEach, payload);
            var rawRate = (double)Writers * EventsEach / raw.Elapsed.TotalSeconds;

            foreach (var plugin in Plugins)
            {
                await context.Progress.WriteLineAsync($"persistence: {plugin}.{database.Name} append ({Writers} actors x {EventsEach:N0} events)");
                await ActorAppendAsync(database, plugin, "warmup-" + plugin, 50);
                var elapsed = await ActorAppendAsync(database, plugin, "append-" + plugin, EventsEach);
                yield return new BenchResult($"journal.append.{plugin}.{database.Name}", "events/s", (double)Writers * EventsEach / elapsed.TotalSeconds, rawRate);
            }

            foreach (var plugin in Plugins)
            {
                await context.Progress.WriteLineAsync($"persistence: {plugin}.{database.Name} replay ({ReplayEvents:N0} events)");
                yield return await ReplayAsync(database, plugin);
            }
        }
    }

    private static async Task<TimeSpan> ActorAppendAsync(IBenchDatabase database, string plugin, string store, int eventsEach)
    {
        using var system = await StartAsync(database, plugin, store);
        var done = Enumerable.Range(0, Writers).Select(_ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var actors = Enumerable.Range(0, Writers)
            .Select(w => system.ActorOf(Props.Create(() => new BenchWriterActor("writer-" + w, eventsEach, done[w]))))
            .ToArray();
        var clock = Stopwatch.StartNew();
        for (var n = 1; n <= eventsEach; n++)
        {
            foreach (var actor in actors)
            {
                actor.Tell(new BenchWriterActor.Append(n));
            }
        }

        await Task.WhenAll(done.Select(d => d.Task)).WaitAsync(TimeSpan.FromMinutes(10));
        var elapsed = clock.Elapsed;
        await system.Terminate();
        return elapsed;
    }

    private static async Task<BenchResult> ReplayAsync(IBenchDatabase database, string plugin)
    {
        var store = "replay-" + plugin;
        using (var loader = await StartAsync(database, plugin, store))
        {
            var loaded = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var actor = loader.ActorOf(Props.Create(() => new BenchWriterActor("replayed", ReplayEvents, loaded)));
            for (var from = 1; from <= ReplayEvents; from += 1_000)
            {
                actor.Tell(new BenchWriterActor.Load(from, 1_000));
            }

            await loaded.Task.WaitAsync(TimeSpan.FromMinutes(10));
            await loader.Terminate();
        }

        using var system = await StartAsync(database, plugin, store);
        var engine = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var rows = await database.RawScanAsync(plugin, store, "replayed");
            raw.Add(rows / clock.Elapsed.TotalSeconds);

            var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            clock.Restart();
            var actor = system.ActorOf(Props.Create(() => new BenchWriterActor("replayed", ReplayEvents, done)));
            var applied = await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
            engine.Add(applied / clock.Elapsed.TotalSeconds);
            system.Stop(actor);
            if (applied != ReplayEvents || rows != ReplayEvents)
            {
                throw new InvalidOperationException($"replay applied {applied} events and the scan read {rows} rows; expected {ReplayEvents}");
            }
        }

        await system.Terminate();
        return new BenchResult($"journal.replay.{plugin}.{database.Name}", "events/s", Median(engine), Median(raw));
    }

    private static async Task<ActorSystem> StartAsync(IBenchDatabase database, string plugin, string store)
    {
        var (journal, snapshots) = database.Options(plugin, store);
        await PersistenceHocon.PrepareAsync(journal, snapshots);
        var config = ConfigurationFactory.ParseString(BenchEventSerializer.Hocon + "\nakka.loglevel = WARNING\nakka.stdout-loglevel = WARNING")
            .WithFallback(PersistenceHocon.Build(journal, snapshots));
        return ActorSystem.Create("bench-" + plugin, config);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
