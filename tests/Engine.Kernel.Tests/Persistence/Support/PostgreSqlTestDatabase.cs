namespace Engine.Kernel.Tests.Persistence.Support;

/// <summary>Where PostgreSQL tests connect: env <c>ENGINE_TEST_PG</c> (an Npgsql connection string).</summary>
internal static class PostgreSqlTestDatabase
{
    public const string Variable = "ENGINE_TEST_PG";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static string? SkipReason => ConnectionString is null
        ? $"PostgreSQL tests need env {Variable} (an Npgsql connection string); scripts/test.sh sets it when PostgreSQL is available."
        : null;
}
