using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit;
using Engine.Actors.Orders;
using Engine.Actors.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Engine.TestKit;

/// <summary>
/// Base class of engine actor tests: Akka's <see cref="Akka.TestKit.Xunit2.TestKit"/> (one actor system per test,
/// <c>ExpectMsg</c>, <c>FishForMessage</c>, <c>Within</c>, <c>AwaitAssert</c>, <c>CreateTestProbe</c>...) with the
/// engine's services in place:
/// <list type="bullet">
/// <item>an <c>EngineSetup</c> on one <see cref="VirtualClock"/> (<see cref="Clock"/>), a seeded <see cref="Random"/>
/// and the test's logger factory, so <c>Context.Engine()</c> works in every actor under test;</item>
/// <item>Akka's <c>TestScheduler</c> (unless <see cref="EngineTestKitOptions.RealTimeScheduler"/>), advanced together
/// with the engine clock by <see cref="Advance"/>: timers, backoff restarts and timestamps are one virtual clock;</item>
/// <item>Akka's in-memory journal and snapshot store as the default persistence plugins, with the engine's event
/// serialization bound (<c>OrderJournal.AkkaConfig</c>);</item>
/// <item>expectations wait up to 10 s of real time by default (a passing one returns as soon as its message arrives;
/// CI runs every test assembly at once on two cores), <c>ExpectNoMsg()</c> 100 ms.</item>
/// </list>
/// Subclasses add HOCON or choose the real-time scheduler through <see cref="EngineTestKitOptions"/>. xunit creates one
/// instance per test, so tests never share a system; disposing terminates it.
/// </summary>
public abstract class EngineTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>What every engine test system runs with, below the test's own HOCON.</summary>
    public const string DefaultHocon = """
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
        akka.test.single-expect-default = 10s
        akka.test.expect-no-message-default = 100ms
        akka.test.default-timeout = 10s
        """;

    private const string TestSchedulerHocon = """akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """;

    /// <summary>Starts the system with <paramref name="options"/> (defaults when null).</summary>
    protected EngineTestKit(EngineTestKitOptions? options = null, ITestOutputHelper? output = null)
        : this(options ?? new EngineTestKitOptions(), new VirtualClock(), output)
    {
    }

    private EngineTestKit(EngineTestKitOptions options, VirtualClock clock, ITestOutputHelper? output)
        : base(CreateSetup(options, clock), options.SystemName, output)
    {
        Clock = clock;
        clock.Attach(Sys.Scheduler);
    }

    /// <summary>
    /// The one clock of the system under test: the engine's <see cref="TimeProvider"/> (<c>Context.Engine().Time</c>),
    /// in step with Akka's <c>TestScheduler</c>. Hand it to anything else that must share engine time (a simulator).
    /// </summary>
    public VirtualClock Clock { get; }

    /// <summary>Moves virtual time forward by <paramref name="delta"/>: due actor timers and clock timers fire, in order.</summary>
    public void Advance(TimeSpan delta) => Clock.Advance(delta);

    /// <summary>The engine's view of now (<see cref="Clock"/>); also <c>TestScheduler.Now</c> under the test scheduler.</summary>
    public DateTimeOffset UtcNow => Clock.GetUtcNow();

    private static ActorSystemSetup CreateSetup(EngineTestKitOptions options, VirtualClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = (options.AkkaConfig ?? Akka.Configuration.Config.Empty)
            .WithFallback(ConfigurationFactory.ParseString(options.Hocon ?? string.Empty))
            .WithFallback(ConfigurationFactory.ParseString(DefaultHocon));
        if (!options.RealTimeScheduler)
        {
            config = config.WithFallback(ConfigurationFactory.ParseString(TestSchedulerHocon));
        }

        config = config
            .WithFallback(OrderJournal.AkkaConfig("akka.persistence.journal.inmem"))
            .WithFallback(Engine.Actors.Tasks.TaskJournal.AkkaConfig("akka.persistence.journal.inmem"));
        var engine = new EngineSetup(
            clock,
            new Random(options.Seed),
            options.LoggerFactory ?? NullLoggerFactory.Instance);
        return BootstrapSetup.Create().WithConfig(config).And(engine);
    }
}
