namespace Engine.Cluster.Tests;

/// <summary>A fact that needs the test PostgreSQL server of <c>ENGINE_TEST_PG</c>; skipped with the reason when it is unset.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (ConnectionString is null)
        {
            Skip = "PostgreSQL not configured: set ENGINE_TEST_PG to a connection string (scripts/test.sh does).";
        }
    }

    /// <summary>The connection string of <c>ENGINE_TEST_PG</c>, or null.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable("ENGINE_TEST_PG") is { Length: > 0 } s ? s : null;
}
