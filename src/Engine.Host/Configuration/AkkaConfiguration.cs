using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Engine.Actors.Cluster;
using Engine.Actors.Orders;
using Engine.Actors.Risk;
using Engine.Config;
using Engine.Host.Runtime;
using Engine.Persistence;

namespace Engine.Host.Configuration;

/// <summary>
/// The configuration Akka.NET receives: the file's <c>akka { }</c> section exactly as the user wrote it (after HOCON
/// substitution), over the engine's defaults for Akka: the persistence plugins chosen in <c>engine.journal</c> and
/// <c>engine.snapshot-store</c>, the order journal's serializer and event adapters, the coordinated-shutdown phase
/// timeouts of <c>engine.run.shutdown</c>, and on a cluster node (<c>engine.cluster.enabled</c>) the cluster defaults of
/// <see cref="ClusterHocon"/>. Whatever the user sets under <c>akka</c> wins. Pure.
/// </summary>
public static class AkkaConfiguration
{
    /// <summary>Builds Akka's configuration for <paramref name="loaded"/>.</summary>
    public static AkkaConfig Build(EngineConfiguration loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var options = loaded.Options;
        var user = UserSection(loaded.Config);
        return (options.Cluster.Enabled ? user.WithFallback(ClusterHocon.Defaults) : user)
            .WithFallback(EngineStopPlan.PhaseTimeouts(options.Run.Shutdown))
            .WithFallback(Defaults)
            .WithFallback(PersistenceHocon.Build(options.Journal, options.SnapshotStore))
            .WithFallback(OrderJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]))
            .WithFallback(Engine.Actors.Tasks.TaskJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]))
            .WithFallback(RiskJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]));
    }

    /// <summary>The <c>akka</c> section of <paramref name="config"/> as Akka reads it; empty when the file has none.</summary>
    public static AkkaConfig UserSection(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.HasPath("akka")
            ? ConfigurationFactory.ParseString("akka = " + config.GetConfig("akka").ToJson())
            : AkkaConfig.Empty;
    }

    /// <summary>
    /// Engine defaults for Akka that the user may override: Akka's own logging at the engine's level is configured by
    /// the host (Serilog); the CLR shutdown hook is off because the host runs <c>CoordinatedShutdown</c> itself.
    /// </summary>
    private static AkkaConfig Defaults { get; } = ConfigurationFactory.ParseString("""
        akka {
          coordinated-shutdown.run-by-clr-shutdown-hook = off
          actor.ask-timeout = 5s
        }
        """);
}
