using Akka.Actor;
using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Engine.Config;

namespace Engine.Host.Configuration;

/// <summary>
/// Checks the configuration Akka would receive (<see cref="AkkaConfiguration.Build"/>) the only reliable way: Akka reads
/// it. An actor system is started with it (no engine actor, no journal opened: persistence plugins start lazily) and
/// terminated; whatever Akka rejects (a malformed value, an unknown dispatcher type or logger, a serializer that cannot
/// be loaded) becomes a <see cref="ConfigException"/> pinned to the file's <c>akka</c> section.
/// </summary>
public static class AkkaConfigurationCheck
{
    /// <summary>Throws <see cref="ConfigException"/> naming the problem when Akka cannot start with <paramref name="loaded"/>.</summary>
    public static async Task RunAsync(EngineConfiguration loaded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        AkkaConfig config;
        try
        {
            config = AkkaConfiguration.Build(loaded);
        }
        catch (Exception ex) when (ex is ConfigurationException or FormatException)
        {
            throw Problem(loaded, $"Akka cannot read it: {ex.Message}");
        }

        ActorSystem system;
        try
        {
            system = ActorSystem.Create("check-config", Detached.WithFallback(config).WithFallback(Quiet));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Problem(loaded, $"Akka cannot start with it: {Innermost(ex).Message}");
        }

        await system.Terminate().WaitAsync(cancellationToken);
    }

    private static AkkaConfig Quiet { get; } = ConfigurationFactory.ParseString("akka.loglevel = OFF\nakka.stdout-loglevel = OFF");

    /// <summary>
    /// A cluster node's file is checked without taking its port (a node may be running on it) and without joining its
    /// seeds: the checking system must not become a member of the cluster it checks.
    /// </summary>
    private static AkkaConfig Detached { get; } = ConfigurationFactory.ParseString("akka.remote.dot-netty.tcp.port = 0\nakka.cluster.seed-nodes = []");

    private static ConfigException Problem(EngineConfiguration loaded, string message)
    {
        var origin = loaded.Config.HasPath("akka") ? loaded.Config.Origin("akka") : new HoconOrigin(loaded.SourceFile, 0);
        return new ConfigException([new ConfigError(origin, "akka", message)]);
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
