using Engine.Bench.Actors;
using Engine.Bench.Cluster;
using Engine.Bench.Logins;
using Engine.Bench.MarketData;
using Engine.Bench.Orders;
using Engine.Bench.Persistence;
using Engine.Bench.Soak;

namespace Engine.Bench;

/// <summary>The one place where suites are registered: add a line here for a new suite.</summary>
public static class BenchSuites
{
    public static IReadOnlyList<IBenchSuite> All { get; } =
    [
        new ActorsSuite(),
        new PersistenceSuite(),
        new OrdersSuite(),
        new LoginsSuite(),
        new ColocatedRoundTripSuite(),
        new ClusterFailoverSuite(),
        new MarketDataSuite(),
        new SoakSuite(),
    ];
}
