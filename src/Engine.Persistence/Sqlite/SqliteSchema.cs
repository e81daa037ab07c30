using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Engine.Persistence.Sqlite;

/// <summary>
/// Opening and idempotent schema creation for the SQLite plug-ins. DDL runs inside a
/// <c>BEGIN IMMEDIATE</c> transaction, so concurrent processes creating the same file serialise;
/// each component records its version in <c>schema_version</c> and refuses a newer one.
/// </summary>
internal static class SqliteSchema
{
    public const string VersionTable = "CREATE TABLE IF NOT EXISTS schema_version (component TEXT PRIMARY KEY, version INTEGER NOT NULL);";

    public static string ConnectionString(SqliteOptions options) => new SqliteConnectionStringBuilder
    {
        DataSource = options.Path,
        Pooling = true,
        DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        Mode = SqliteOpenMode.ReadWriteCreate,
    }.ToString();

    /// <summary>Opens a connection in WAL mode with the configured <c>synchronous</c> level.</summary>
    public static async Task<SqliteConnection> OpenAsync(SqliteOptions options, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(options.Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(ConnectionString(options));
        try
        {
            await connection.OpenAsync(cancellationToken);
            var sync = ((int)options.Synchronous).ToString(CultureInfo.InvariantCulture);
            var busy = ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, null, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={sync}; PRAGMA busy_timeout={busy};", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates <paramref name="ddl"/> and the version row of <paramref name="component"/> if missing.</summary>
    public static async Task EnsureAsync(SqliteConnection connection, string component, int version, string ddl, CancellationToken cancellationToken)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, tx, VersionTable + ddl, cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT OR IGNORE INTO schema_version (component, version) VALUES ($c, $v);";
            insert.Parameters.AddWithValue("$c", component);
            insert.Parameters.AddWithValue("$v", version);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT version FROM schema_version WHERE component = $c;";
            select.Parameters.AddWithValue("$c", component);
            var found = Convert.ToInt32(await select.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            if (found > version)
            {
                throw new InvalidOperationException(
                    $"The SQLite {component} schema is version {found}; this engine supports up to {version}. Upgrade the engine.");
            }

            if (found < version)
            {
                throw new InvalidOperationException(
                    $"The SQLite {component} schema is version {found}, older than this engine's {version}; there is no released format, hence no migration: delete the file and start again.");
            }
        }

        await tx.CommitAsync(cancellationToken);
    }

    public static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
