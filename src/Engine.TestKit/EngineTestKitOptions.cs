using Microsoft.Extensions.Logging;

namespace Engine.TestKit;

/// <summary>How an <see cref="EngineTestKit"/> starts its actor system; every member has a test-friendly default.</summary>
public sealed record EngineTestKitOptions
{
    /// <summary>
    /// HOCON of the test (persistence plugins, dispatchers, <c>akka.test</c> timeouts...); it takes precedence over the
    /// TestKit's defaults. Empty by default.
    /// </summary>
    public string Hocon { get; init; } = string.Empty;

    /// <summary>
    /// Akka configuration of the test as an object (e.g. <c>PersistenceHocon.Build(...)</c> or
    /// <c>OrderJournal.AkkaConfig(...)</c>); it takes precedence over <see cref="Hocon"/> and the TestKit's defaults.
    /// </summary>
    public Akka.Configuration.Config? AkkaConfig { get; init; }

    /// <summary>
    /// False (the default): Akka's <c>TestScheduler</c>, advanced together with the engine clock by
    /// <see cref="EngineTestKit.Advance"/>. True: Akka's real scheduler, for tests against real sockets and databases
    /// whose Akka-side timeouts (asks, journal calls) must run in real time; the engine's clock stays virtual and
    /// <see cref="EngineTestKit.Advance"/> moves it alone (actor timers then run in real time).
    /// </summary>
    public bool RealTimeScheduler { get; init; }

    /// <summary>Seed of the engine's <see cref="Random"/> (backoff jitter).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where engine actors log; null logs nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Name of the actor system.</summary>
    public string SystemName { get; init; } = "test";
}
