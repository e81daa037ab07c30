using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Engine.Bench.Orders;

/// <summary>
/// Profiling aid for "where the time goes": the latency of one durable SQLite commit on this disk (WAL,
/// synchronous=FULL, one small row per transaction, as a lone order book write commits), printed to stderr. A round
/// trip that journals N events one after another pays at least N of these.
/// </summary>
internal static class CommitFloor
{
    private const int Warmup = 100;
    private const int Commits = 1_000;

    /// <summary>p50 and p99 of one INSERT + COMMIT, in µs.</summary>
    public static async Task<(double P50, double P99)> MeasureAsync(CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("engine-bench-commit-");
        try
        {
            var path = Path.Combine(directory.FullName, "floor.db");
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE e (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);";
                await setup.ExecuteNonQueryAsync(cancellationToken);
            }

            var payload = new byte[200];
            var samples = new long[Commits];
            for (var i = -Warmup; i < Commits; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
                {
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT INTO e (payload) VALUES ($p)";
                    insert.Parameters.AddWithValue("$p", payload);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                if (i >= 0)
                {
                    samples[i] = Stopwatch.GetTimestamp() - started;
                }
            }

            Array.Sort(samples);
            return (Micros(samples[Commits / 2]), Micros(samples[(Commits * 99 / 100) - 1]));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
