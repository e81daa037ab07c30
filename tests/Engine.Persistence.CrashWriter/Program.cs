using System.Globalization;
using Engine.Persistence.Journal;
using Engine.Persistence.Sqlite;

// Usage: Engine.Persistence.CrashWriter <database-path> <writers>
// Each writer owns persistence id "crash-<n>" and appends one event at a time, forever. After a write's
// task completes (the journal acknowledged it), the line "<pid> <seq>" is written to stdout, which is
// auto-flushed. The parent kills this process with SIGKILL and checks every printed event survived.
if (args.Length != 2 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var writers) || writers < 1)
{
    await Console.Error.WriteLineAsync("usage: Engine.Persistence.CrashWriter <database-path> <writers>");
    return 2;
}

var options = new JournalOptions { Sqlite = new SqliteOptions { Path = args[0], Synchronous = SqliteSynchronous.Full } };
var storage = await SqliteJournalStorage.OpenAsync(options.Sqlite);
await using var journal = new GroupCommitJournal(storage, options, TimeProvider.System);
var output = TextWriter.Synchronized(Console.Out);
await output.WriteLineAsync("ready");

await Task.WhenAll(Enumerable.Range(0, writers).Select(n => Task.Run(async () =>
{
    var pid = "crash-" + n.ToString(CultureInfo.InvariantCulture);
    for (var seq = 1L; ; seq++)
    {
        var evt = new PersistentRepr(pid, seq, "crash-event.v1", $"{{\"seq\":{seq}}}", [], TimeProvider.System.GetUtcNow(), "crash-writer");
        await journal.WriteAsync([new AtomicWrite(evt)]);
        await output.WriteLineAsync(pid + " " + seq.ToString(CultureInfo.InvariantCulture));
    }
})));
return 0;
