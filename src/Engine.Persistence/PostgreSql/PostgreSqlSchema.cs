using System.Text;
using Npgsql;

namespace Engine.Persistence.PostgreSql;

/// <summary>
/// Idempotent schema creation for the PostgreSQL plug-ins and the advisory-lock keys that serialise
/// writers. DDL runs in a transaction holding the schema's advisory lock, so processes starting at
/// the same time do not race on <c>CREATE ... IF NOT EXISTS</c>.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>A stable 64-bit key (FNV-1a) for <c>pg_advisory_xact_lock</c>, distinct per schema and purpose.</summary>
    public static long LockKey(string schema, string purpose)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("engine:" + purpose + ":" + schema))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    public static NpgsqlDataSource CreateDataSource(PostgreSqlOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("The PostgreSQL connection string is empty; set it in config or ENGINE_PG.");
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(options.Schema, "^[a-z_][a-z0-9_]{0,62}$"))
        {
            throw new ArgumentException($"PostgreSQL schema name '{options.Schema}' must match ^[a-z_][a-z0-9_]{{0,62}}$.", nameof(options));
        }

        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = options.MaxPoolSize };
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Creates the schema, <paramref name="ddl"/> and the component's version row if missing.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string schema, string component, int version, string ddl, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock({LockKey(schema, "schema")});
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS "{schema}".schema_version (component text PRIMARY KEY, version integer NOT NULL);
            {ddl}
            INSERT INTO "{schema}".schema_version (component, version) VALUES (@c, @v) ON CONFLICT (component) DO NOTHING;
            """,
            connection,
            tx))
        {
            command.Parameters.AddWithValue("c", component);
            command.Parameters.AddWithValue("v", version);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var select = new NpgsqlCommand($"SELECT version FROM \"{schema}\".schema_version WHERE component = @c;", connection, tx))
        {
            select.Parameters.AddWithValue("c", component);
            var found = (int)(await select.ExecuteScalarAsync(cancellationToken))!;
            if (found > version)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL {component} schema '{schema}' is version {found}; this engine supports up to {version}. Upgrade the engine.");
            }

            if (found < version)
            {
                throw new InvalidOperationException(
                    $"The PostgreSQL {component} schema '{schema}' is version {found}, older than this engine's {version}; there is no released format, hence no migration: drop the tables and start again.");
            }
        }

        await tx.CommitAsync(cancellationToken);
    }
}
