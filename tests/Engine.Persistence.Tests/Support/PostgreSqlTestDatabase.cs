namespace Engine.Persistence.Tests.Support;

/// <summary>The test PostgreSQL database from <c>ENGINE_TEST_PG</c>, or the reason its tests are skipped.</summary>
public static class PostgreSqlTestDatabase
{
    /// <summary>The connection string, or null when not configured.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable("ENGINE_TEST_PG") is { Length: > 0 } s ? s : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when they run.</summary>
    public static string? SkipReason => ConnectionString is null ? "PostgreSQL not configured: set ENGINE_TEST_PG to a connection string (scripts/test.sh does)." : null;
}
