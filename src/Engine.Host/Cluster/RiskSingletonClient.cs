using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Cluster.Tools.Singleton;
using Engine.Actors.Risk;
using Engine.Actors.Runtime;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Cluster;

/// <summary>
/// A cluster node's <c>/user/risk</c>: the stand-in for the risk actor, which runs once in the cluster
/// (<see cref="RiskSingleton"/>). Everything sent to it goes to the singleton through a <see cref="ClusterSingletonProxy"/>
/// child, with the original sender, so answers and snapshots go straight from the risk actor to whoever asked.
/// It remembers the order books of this node that subscribed (<see cref="SubscribeRisk"/>) and watches the risk actor
/// serving them (asked with <see cref="RiskSingletonLocate"/>, again every <see cref="LocateInterval"/> while none is
/// known). When a different risk actor answers (the first, or a new one after a hand-over or its node's failure) it
/// subscribes every remembered book to it again on the book's behalf, so each book gets a fresh snapshot from it.
/// While no risk actor is reachable a book keeps its last snapshot and goes on checking orders against it (states, limits,
/// daily PnL as last sent): one node's failure does not stop trading on all the others for the seconds a hand-over takes;
/// a halt issued meanwhile waits in the proxy's buffer, is journaled by the new singleton and reaches every book with its
/// first snapshot. A book that never had a snapshot holds its orders as on a single node.
/// The singleton's <see cref="Engine.Messages.Risk.TradingStateChanged"/> events published by another node
/// (<see cref="RiskSingletonStateChange"/>) are republished on this node's event stream.
/// </summary>
public sealed partial class RiskSingletonClient : ReceiveActor, IWithTimers
{
    /// <summary>How often the client asks which risk actor serves while it knows none.</summary>
    public static readonly TimeSpan LocateInterval = TimeSpan.FromMilliseconds(500);

    private const string LocateTimer = "locate";

    private readonly IActorRef _proxy;
    private readonly Dictionary<IActorRef, SubscribeRisk> _books = [];
    private readonly ILogger _log;
    private readonly Address _self;
    private IActorRef? _risk;

    /// <summary>Use <see cref="Props"/>.</summary>
    public RiskSingletonClient(ClusterSingletonProxySettings settings)
    {
        _log = Context.CreateLogger<RiskSingletonClient>();
        _self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;
        _proxy = Context.ActorOf(ClusterSingletonProxy.Props(RiskSingleton.ManagerPath, settings), "proxy");
        Receive<SubscribeRisk>(subscribe =>
        {
            if (_books.TryAdd(Sender, subscribe))
            {
                Context.Watch(Sender);
            }

            _proxy.Forward(subscribe);
        });
        Receive<RiskSingletonHere>(OnHere);
        Receive<RiskSingletonLocateTick>(_ => _proxy.Tell(RiskSingletonLocate.Instance, Self));
        Receive<Terminated>(OnTerminated);
        Receive<RiskSingletonStateChange>(change =>
        {
            if (change.Origin != _self)
            {
                Context.System.EventStream.Publish(change.Changed);
            }
        });
        Receive<SubscribeAck>(_ => { });
        ReceiveAny(message => _proxy.Forward(message));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the client, reaching the singleton through a proxy with <paramref name="settings"/>.</summary>
    public static Props Props(ClusterSingletonProxySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Akka.Actor.Props.Create(() => new RiskSingletonClient(settings));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        DistributedPubSub.Get(Context.System).Mediator.Tell(new Subscribe(RiskSingleton.StateTopic, Self), Self);
        Locate();
    }

    private void Locate()
    {
        _proxy.Tell(RiskSingletonLocate.Instance, Self);
        Timers.StartPeriodicTimer(LocateTimer, RiskSingletonLocateTick.Instance, LocateInterval);
    }

    private void OnHere(RiskSingletonHere here)
    {
        if (here.Risk.Equals(_risk))
        {
            return;
        }

        if (_risk is not null)
        {
            Context.Unwatch(_risk);
        }

        Timers.Cancel(LocateTimer);
        _risk = here.Risk;
        Context.Watch(_risk);
        foreach (var (book, subscribe) in _books)
        {
            _proxy.Tell(subscribe, book);
        }

        LogServedBy(_log, _risk.Path.ToString(), _books.Count);
    }

    private void OnTerminated(Terminated terminated)
    {
        if (terminated.ActorRef.Equals(_risk))
        {
            LogLost(_log, _risk.Path.ToString(), _books.Count);
            _risk = null;
            Locate();
            return;
        }

        _books.Remove(terminated.ActorRef);
    }
}
