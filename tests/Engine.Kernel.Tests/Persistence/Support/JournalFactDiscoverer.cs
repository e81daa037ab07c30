using Xunit.Abstractions;
using Xunit.Sdk;

namespace Engine.Kernel.Tests.Persistence.Support;

/// <summary>Discovers <see cref="JournalFactAttribute"/> tests, skipping PostgreSQL classes without a database.</summary>
public sealed class JournalFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgreSqlAttribute)).Any();
        if (needsPostgres && PostgreSqlTestDatabase.SkipReason is { } reason)
        {
            return [new SkippedTestCase(diagnosticMessageSink, display, displayOptions, testMethod, reason)];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
