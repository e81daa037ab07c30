using System.Diagnostics;
using System.Globalization;
using Engine.Persistence.Sqlite;
using Engine.Kernel.Tests.Persistence.Support;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>
/// A child process (Engine.Persistence.CrashWriter) persists events through the SQLite journal and
/// prints each one after its write completed; it is killed with SIGKILL mid-stream. Reopening the file
/// must find every printed event, and every stream must be gap-free.
/// </summary>
public sealed class SqliteDurabilityTests : IDisposable
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 400;
    private readonly string directory = Directory.CreateTempSubdirectory("engine-crash-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Every_acknowledged_event_survives_SIGKILL()
    {
        var database = Path.Combine(directory, "crash.db");
        var acknowledged = await RunAndKillAsync(database);

        await using var storage = await SqliteJournalStorage.OpenAsync(new SqliteOptions { Path = database });
        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill);
        foreach (var stream in acknowledged.GroupBy(a => a.Pid))
        {
            var highestAcknowledged = stream.Max(a => a.Seq);
            var stored = await storage.ReadByPersistenceIdAsync(stream.Key, 1, long.MaxValue, long.MaxValue, CancellationToken.None).ToListAsync();
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Select(e => e.SequenceNr));
            Assert.True(stored.Count >= highestAcknowledged, $"{stream.Key}: acknowledged {highestAcknowledged}, found {stored.Count}");
        }
    }

    private static async Task<List<(string Pid, long Seq)>> RunAndKillAsync(string database)
    {
        var writerDll = Path.Combine(AppContext.BaseDirectory, "Engine.Persistence.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writerDll);
        start.ArgumentList.Add(database);
        start.ArgumentList.Add(Writers.ToString(CultureInfo.InvariantCulture));
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
