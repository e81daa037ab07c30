using System.Collections.Immutable;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Cluster;

/// <summary>
/// The <c>connections</c> child of the engine supervisor on a cluster node, in place of the <see cref="ConnectionsSupervisor"/>:
/// strategies talk to it exactly as on a single node. Every command and query for a configured, enabled login goes to the
/// login shard region with <c>Forward</c> (the strategy gets the answer from the login's entity, wherever it runs); an
/// unknown or disabled login is refused here, naming it. At start it sends <see cref="StartLogin"/> for every enabled
/// login, so each login runs once in the cluster. <see cref="DrainConnections"/> is answered at once with nothing drained
/// and nothing left: a node that stops hands its logins over to the other nodes (sharding's own shutdown phase, which
/// drains each connection without cancelling orders), it does not cancel them.
/// </summary>
public sealed class ClusterConnections : ReceiveActor
{
    private readonly IActorRef _region;
    private readonly ImmutableArray<LoginOptions> _logins;
    private readonly Dictionary<string, LoginOptions> _byName;

    /// <summary>Use <see cref="Props"/>.</summary>
    public ClusterConnections(IActorRef region, ImmutableArray<LoginOptions> logins)
    {
        _region = region;
        _logins = logins;
        _byName = logins.ToDictionary(l => l.Name, StringComparer.Ordinal);
        Receive<DrainConnections>(_ => Sender.Tell(new ConnectionsDrained([], []), Self));
        ReceiveAny(Route);
    }

    /// <summary>Props of the router of <paramref name="logins"/> through <paramref name="region"/>.</summary>
    public static Props Props(IActorRef region, ImmutableArray<LoginOptions> logins) =>
        Akka.Actor.Props.Create(() => new ClusterConnections(region, logins));

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var login in _logins.Where(l => l.Enabled))
        {
            _region.Tell(new StartLogin(new LoginId(login.Name)), Self);
        }
    }

    private void Route(object message)
    {
        if (!LoginCommands.TryGetLogin(message, out var login))
        {
            Unhandled(message);
            return;
        }

        var options = _byName.GetValueOrDefault(login.Value);
        var why = options switch
        {
            null => $"unknown login '{login}'; configured logins: {string.Join(", ", _logins.Select(l => l.Name))}",
            { Enabled: false } => $"login '{login}' is disabled in the configuration",
            _ => null,
        };
        if (why is null)
        {
            _region.Forward(message);
            return;
        }

        Sender.Tell(LoginCommands.Refusal(message, why, Context.Engine().Time.GetUtcNow()), Self);
    }
}
