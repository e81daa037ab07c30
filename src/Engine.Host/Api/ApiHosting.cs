using Akka.Actor;
using Engine.Actors.Monitoring;
using Engine.Actors.Risk;
using Engine.Host.Cluster;
using Engine.Host.Configuration;
using Engine.Host.Runtime;
using Engine.Messages.Identifiers;
using Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Api;

/// <summary>
/// How <c>engine run</c> adds the operator surface: the risk actor (which rebuilds its ledger from the order journal
/// before it answers the order books) and the fill tape beside the engine (created before the engine supervisor, so the
/// order books find the risk actor when they start), then the HTTP server once the host runs.
/// </summary>
public static class ApiHosting
{
    /// <summary>Name of the fill tape under <c>/user</c>.</summary>
    public const string FillsName = "fills";

    /// <summary>Name of the metrics actor under <c>/user</c>.</summary>
    public const string MetricsName = "metrics";

    /// <summary>Name of the journal's write probe (<c>/health/ready</c>) under <c>/user</c>.</summary>
    public const string JournalProbeName = "journal-probe";

    /// <summary>
    /// The risk actor, the fill tape, the metrics actor and the journal probe; call before creating the engine supervisor.
    /// On a cluster node the risk actor is the cluster's singleton and <c>/user/risk</c> the node's client of it
    /// (<see cref="RiskSingleton"/>).
    /// </summary>
    public static (IActorRef Risk, IActorRef Fills) CreateActors(ActorSystem system, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        var riskProps = RiskActor.Props(options.Risk, readJournalPluginId: PersistenceHocon.ReadJournalPluginId(options.Journal));
        var risk = options.Cluster.Enabled
            ? RiskSingleton.Start(system, riskProps, options.Logins.Where(l => l.Enabled).Select(l => new LoginId(l.Name)), EngineClusterHosting.FollowedLogins(options.Strategies))
            : system.ActorOf(riskProps, RiskActor.Name);
        var fills = system.ActorOf(FillTapeActor.Props(), FillsName);
        system.ActorOf(MetricsActor.Props(), MetricsName);
        system.ActorOf(JournalProbeActor.Props(), JournalProbeName);
        return (risk, fills);
    }

    /// <summary>Throws when the configured binding needs a bearer token and the environment has none (before anything starts).</summary>
    public static void ThrowIfInsecure(ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Enabled && ApiSecurity.StartupError(options, Token(options)) is { } error)
        {
            throw new InvalidOperationException(error);
        }
    }

    /// <summary>Starts the server when enabled and logs its address; null when disabled.</summary>
    public static async Task<ControlApiServer?> StartAsync(
        EngineComposition composition, ActorSystem system, EngineActors actors, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(composition);
        var options = composition.Options.Api;
        var log = loggerFactory.CreateLogger(typeof(ApiHosting));
        if (!options.Enabled)
        {
            log.Disabled();
            return null;
        }

        var token = Token(options);
        var gateway = new EngineGateway(system, actors, composition.Logins, composition.Options.Strategies, time);
        var server = await ControlApiServer.StartAsync(options, token, gateway, loggerFactory, cancellationToken);
        log.Serving(server.Address, string.IsNullOrEmpty(token) ? string.Empty : $"; bearer token from {options.TokenVariable} required");
        return server;
    }

    private static string? Token(ApiOptions options) => Environment.GetEnvironmentVariable(options.TokenVariable);
}
