using Engine.Bench.Kernel;
using Engine.Bench.Orders;
using Engine.Bench.Persistence;

namespace Engine.Bench;

/// <summary>The one place where suites are registered: add a line here for a new suite.</summary>
public static class BenchSuites
{
    public static IReadOnlyList<IBenchSuite> All { get; } =
    [
        new KernelSuite(),
        new PersistenceSuite(),
        new OrdersSuite(),
    ];
}
