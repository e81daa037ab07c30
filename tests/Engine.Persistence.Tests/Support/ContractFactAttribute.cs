using Xunit.Sdk;

namespace Engine.Persistence.Tests.Support;

/// <summary>
/// A contract fact: runs in every concrete contract class, except that in a class marked
/// <see cref="RequiresPostgreSqlAttribute"/> it is skipped with the reason when PostgreSQL is not configured.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Engine.Persistence.Tests.Support.ContractFactDiscoverer", "Engine.Persistence.Tests")]
public sealed class ContractFactAttribute : FactAttribute;
