using System.Diagnostics;
using System.Globalization;
using Akka.Persistence.Query;
using Engine.Persistence.CrashWriter;
using Engine.Persistence.Tests.Support;

namespace Engine.Persistence.Tests.Contract;

/// <summary>
/// Durability under SIGKILL: a child process (Engine.Persistence.CrashWriter) runs persistent actors on the same plugin
/// and database and prints each event once its Persist handler ran (the journal acknowledged it); it is killed with
/// SIGKILL mid-stream. Replaying every stream afterwards must find every printed event, with no gap.
/// </summary>
public abstract partial class PersistenceContract
{
    private const int CrashWriters = 4;
    private const int AcknowledgedBeforeKill = 200;

    [ContractFact]
    public async Task Every_acknowledged_event_survives_SIGKILL()
    {
        if (Case.Database == "in-memory")
        {
            return;
        }

        var acknowledged = await RunAndKillCrashWriterAsync();
        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill);
        var query = (ICurrentEventsByPersistenceIdQuery)ReadJournal;
        foreach (var stream in acknowledged.GroupBy(a => a.Pid))
        {
            var highestAcknowledged = stream.Max(a => a.Seq);
            var stored = Run(query.CurrentEventsByPersistenceId(stream.Key, 0, long.MaxValue));
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(e => e.SequenceNr));
            Assert.Equal(stored.Select(e => e.SequenceNr), stored.Select(e => ((CrashEvent)e.Event).Seq));
            Assert.True(stored.Count >= highestAcknowledged, $"{stream.Key}: acknowledged {highestAcknowledged}, replayed {stored.Count}");
        }
    }

    private async Task<List<(string Pid, long Seq)>> RunAndKillCrashWriterAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Engine.Persistence.CrashWriter.dll"));
        start.ArgumentList.Add(Case.Plugin);
        start.ArgumentList.Add(Case.Database);
        start.ArgumentList.Add(Case.Target);
        start.ArgumentList.Add(CrashWriters.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the crash writer");
        var acknowledged = new List<(string, long)>();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while (acknowledged.Count < AcknowledgedBeforeKill)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("crash writer exited early: " + await process.StandardError.ReadToEndAsync(timeout.Token));
                var parts = line.Split(' ');
                if (parts.Length == 2)
                {
                    acknowledged.Add((parts[0], long.Parse(parts[1], CultureInfo.InvariantCulture)));
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return acknowledged;
    }
}
