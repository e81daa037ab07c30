using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Engine.Persistence;
using Engine.Persistence.CrashWriter;

// Usage: Engine.Persistence.CrashWriter <plugin> <database> <target> <writers>
//   plugin: engine | akka-sql; database: sqlite | postgresql;
//   target: the SQLite file, or the PostgreSQL schema (connection string from ENGINE_TEST_PG).
// Each writer is a persistent actor "crash-<n>" persisting one event at a time, forever. After the journal
// acknowledged an event, "<pid> <seq>" is written to stdout (auto-flushed). The parent kills this process with
// SIGKILL and checks that every printed event is replayed.
if (args.Length != 4 || !int.TryParse(args[3], CultureInfo.InvariantCulture, out var writers) || writers < 1)
{
    await Console.Error.WriteLineAsync("usage: Engine.Persistence.CrashWriter <plugin> <database> <target> <writers>");
    return 2;
}

var (journal, snapshots) = CrashWriterOptions.For(args[0], args[1], args[2], Environment.GetEnvironmentVariable("ENGINE_TEST_PG") ?? string.Empty);
await PersistenceHocon.PrepareAsync(journal, snapshots);
var config = ConfigurationFactory.ParseString(CrashEventSerializer.Hocon + "\nakka.loglevel = WARNING")
    .WithFallback(PersistenceHocon.Build(journal, snapshots));
using var system = ActorSystem.Create("crash-writer", config);
var output = TextWriter.Synchronized(Console.Out);
for (var n = 0; n < writers; n++)
{
    var pid = "crash-" + n.ToString(CultureInfo.InvariantCulture);
    system.ActorOf(Props.Create(() => new CrashWriterActor(pid, output)), pid);
}

await output.WriteLineAsync("ready");
await system.WhenTerminated;
return 0;
