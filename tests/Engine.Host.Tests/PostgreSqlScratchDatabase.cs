using Npgsql;

namespace Engine.Host.Tests;

/// <summary>A fresh database on the <c>ENGINE_TEST_PG</c> server, dropped on dispose: its public schema is the test's alone.</summary>
internal sealed class PostgreSqlScratchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name;

    private PostgreSqlScratchDatabase(string server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Connection string of the new database.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgreSqlScratchDatabase> CreateAsync(string server)
    {
        var name = "engine_test_" + Guid.NewGuid().ToString("N");
        await using (var dataSource = NpgsqlDataSource.Create(server))
        await using (var command = dataSource.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await command.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        return new PostgreSqlScratchDatabase(server, name, connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_server);
        await using var command = dataSource.CreateCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        await command.ExecuteNonQueryAsync();
    }
}
