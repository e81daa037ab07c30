namespace Engine.Kernel.Tests.Persistence.Support;

/// <summary>A fact that is skipped, with the reason, unless <c>ENGINE_TEST_PG</c> is set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlTestDatabase.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
