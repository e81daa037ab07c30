using Engine.Persistence.Journal;
using Engine.Persistence.PostgreSql;
using Engine.Persistence.Snapshots;
using Engine.Kernel.Tests.Persistence.Support;
using Npgsql;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>
/// The contract against PostgreSQL (<c>ENGINE_TEST_PG</c>): a fresh schema per test, dropped afterwards.
/// Skipped with the reason when the variable is not set.
/// </summary>
[RequiresPostgreSql]
public sealed class PostgreSqlJournalTests : JournalContractTests
{
    private readonly string schema = "t_" + Guid.NewGuid().ToString("N");

    private PostgreSqlOptions Options => new() { ConnectionString = PostgreSqlTestDatabase.ConnectionString!, Schema = schema };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (PostgreSqlTestDatabase.ConnectionString is { } cs)
        {
            await using var dataSource = NpgsqlDataSource.Create(cs);
            await using var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE;");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [PostgreSqlFact]
    public async Task A_backend_killed_mid_batch_fails_every_write_in_it_and_the_journal_recovers()
    {
        var storage = await PostgreSqlJournalStorage.OpenAsync(Options);
        var journal = Track(new GroupCommitJournal(storage, DefaultOptions, TimeProvider.System));
        await using var dataSource = NpgsqlDataSource.Create(PostgreSqlTestDatabase.ConnectionString!);
        await using var blocker = await dataSource.OpenConnectionAsync();
        await using var blockerTx = await blocker.BeginTransactionAsync();
        await Execute(blocker, $"SELECT pg_advisory_xact_lock({storage.WriteLockKey});");

        var writes = new[]
        {
            journal.WriteAsync([TestEvents.Write("a", 1, 2)]),
            journal.WriteAsync([TestEvents.Write("b", 1, 1)]),
        };
        var writerPid = await WaitForLockWaiterAsync(dataSource, storage.WriteLockKey);
        await Execute(blocker, $"SELECT pg_terminate_backend({writerPid});");
        await blockerTx.RollbackAsync();

        var failures = await Task.WhenAll(writes.Select(w => Assert.ThrowsAsync<JournalWriteException>(() => w.WaitAsync(TimeSpan.FromSeconds(30)))));
        Assert.All(failures, f => Assert.False(f.IsSequenceConflict));
        await journal.WriteAsync([TestEvents.Write("c", 1, 1)]).WaitAsync(TimeSpan.FromSeconds(30));
        await journal.WriteAsync([TestEvents.Write("a", 1, 1)]).WaitAsync(TimeSpan.FromSeconds(30));

        var all = await journal.CurrentAllEvents(0).ToListAsync();
        Assert.Equal(["c:1", "a:1"], all.Select(e => $"{e.PersistenceId}:{e.SequenceNr}"));
    }

    protected override async Task<IJournalStorage> OpenStorageAsync() => await PostgreSqlJournalStorage.OpenAsync(Options);

    protected override async Task<ISnapshotStore> OpenSnapshotStoreAsync(int keepLatest) => await PostgreSqlSnapshotStore.OpenAsync(Options, keepLatest);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Awaits (bounded) the backend that is blocked on the journal's advisory lock: the writer mid-batch.</summary>
    private static async Task<int> WaitForLockWaiterAsync(NpgsqlDataSource dataSource, long key)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid::bigint = @hi AND objid::bigint = @lo AND objsubid = 1;");
            command.Parameters.AddWithValue("hi", (long)(uint)(key >> 32));
            command.Parameters.AddWithValue("lo", (long)(uint)key);
            if (await command.ExecuteScalarAsync(timeout.Token) is int pid)
            {
                return pid;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
