using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Engine.Actors.Orders;
using Engine.Actors.Runtime;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Microsoft.Extensions.Logging;

namespace Engine.Bench;

/// <summary>
/// Actor systems composed the way the engine host composes its own (src/Engine.Host: AkkaConfiguration, EngineRuntime):
/// Akka's config = the case's own HOCON over the persistence plugins of <see cref="PersistenceHocon.Build"/> and the
/// order journal's serializer and adapters (<see cref="OrderJournal.AkkaConfig"/>), with an <see cref="EngineSetup"/>
/// (system clock, seeded random, the bench's logger factory). Akka's log goes to stderr at WARNING.
/// </summary>
public static class BenchSystem
{
    private static readonly AkkaConfig Logging = ConfigurationFactory.ParseString($$"""
        akka {
          loglevel = WARNING
          stdout-loglevel = OFF
          loggers = ["{{typeof(StderrLogger).AssemblyQualifiedName}}"]
          actor.ask-timeout = 5s
        }
        """);

    /// <summary>A system with no persistence: the engine's dispatcher configuration plus <paramref name="hocon"/>.</summary>
    public static ActorSystem Create(string name, ILoggerFactory loggerFactory, string hocon = "") =>
        Start(name, loggerFactory, ConfigurationFactory.ParseString(hocon).WithFallback(Logging));

    /// <summary>
    /// A system journaling on <paramref name="journal"/> and <paramref name="snapshots"/> as the engine would (after
    /// <see cref="PersistenceHocon.PrepareAsync"/>, which the engine runs before its actor system starts).
    /// </summary>
    public static Task<ActorSystem> CreateAsync(
        string name, ILoggerFactory loggerFactory, JournalOptions journal, SnapshotStoreOptions snapshots, CancellationToken cancellationToken, string hocon = "") =>
        CreateAsync(name, loggerFactory, journal, snapshots, ConfigurationFactory.ParseString(hocon), cancellationToken);

    /// <summary>The same with the case's configuration already parsed (e.g. a node's own settings over shared defaults).</summary>
    public static async Task<ActorSystem> CreateAsync(
        string name, ILoggerFactory loggerFactory, JournalOptions journal, SnapshotStoreOptions snapshots, AkkaConfig own, CancellationToken cancellationToken)
    {
        await PersistenceHocon.PrepareAsync(journal, snapshots, cancellationToken);
        var config = own
            .WithFallback(Logging)
            .WithFallback(PersistenceHocon.Build(journal, snapshots))
            .WithFallback(OrderJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]));
        return Start(name, loggerFactory, config);
    }

    private static ActorSystem Start(string name, ILoggerFactory loggerFactory, AkkaConfig config)
    {
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config))
            .And(new EngineSetup(TimeProvider.System, new Random(42), loggerFactory));
        return ActorSystem.Create(name, setup);
    }
}
