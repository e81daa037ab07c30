using Xunit.Sdk;

namespace Engine.Kernel.Tests.Persistence.Support;

/// <summary>
/// A contract fact: runs in every concrete test class, except that in a class marked
/// <see cref="RequiresPostgreSqlAttribute"/> it is skipped with the reason when PostgreSQL is not configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Engine.Kernel.Tests.Persistence.Support.JournalFactDiscoverer", "Engine.Kernel.Tests")]
public sealed class JournalFactAttribute : FactAttribute;
