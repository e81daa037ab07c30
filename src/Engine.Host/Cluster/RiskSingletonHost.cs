using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Engine.Actors.Cluster;
using Engine.Actors.Risk;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Host.Cluster;

/// <summary>
/// The cluster singleton of the risk engine (the child of the oldest node's <c>/user/risk-singleton</c>): runs the
/// <see cref="RiskActor"/> as its child and makes it hear every login's order and connection events exactly once.
/// The risk actor hears its own node's event stream: the events of the logins hosted on this node, and those the node's
/// <c>LoginEventRelay</c> republishes (the logins the node's strategies trade). The host subscribes to the distributed
/// pub-sub topic of every configured login and hands the risk actor the events of the remaining ones: published by
/// another node, of a login the relay does not follow. So no strategy hears anything more than before, and the risk actor
/// hears each event once (pub-sub is at most once, like the relay: an event lost while a login moves is still in the
/// journal, which the next singleton reads at start).
/// The risk actor's <see cref="TradingStateChanged"/> events (on this node's stream) are published on
/// <see cref="RiskSingleton.StateTopic"/> for the other nodes' streams.
/// Everything else (<see cref="SubscribeRisk"/>, commands, questions) is forwarded to the risk actor with its sender.
/// On <see cref="RiskSingletonStop"/> (hand-over) it stops once the risk actor answered a question queued behind whatever
/// it was journaling. Answers <see cref="RiskSingletonLocate"/> with the risk actor. Stops when the risk actor stops.
/// </summary>
public sealed class RiskSingletonHost : ReceiveActor
{
    private readonly ImmutableArray<LoginId> _logins;
    private readonly ImmutableHashSet<LoginId> _followed;
    private readonly Address _self;
    private readonly IActorRef _risk;
    private readonly IActorRef _mediator;
    private bool _stopping;

    /// <summary>Use <see cref="Props"/>.</summary>
    public RiskSingletonHost(Props risk, ImmutableArray<LoginId> logins, ImmutableHashSet<LoginId> followed)
    {
        _logins = logins;
        _followed = followed;
        _self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        _risk = Context.ActorOf(risk, RiskActor.Name);
        Context.Watch(_risk);
        Receive<LoginEventEnvelope>(OnEnvelope);
        Receive<SubscribeAck>(_ => { });
        Receive<TradingStateChanged>(changed => _mediator.Tell(new Publish(RiskSingleton.StateTopic, new RiskSingletonStateChange(_self, changed)), Self));
        Receive<RiskSingletonLocate>(_ => Sender.Tell(new RiskSingletonHere(_risk), Self));
        Receive<RiskSingletonStop>(_ => OnStop());
        Receive<RiskStatus>(_ => _stopping, _ => Context.Stop(Self));
        Receive<Terminated>(t => t.ActorRef.Equals(_risk), _ => Context.Stop(Self));
        ReceiveAny(message =>
        {
            if (!_stopping)
            {
                _risk.Forward(message);
            }
        });
    }

    /// <summary>Props of the host of <paramref name="risk"/> (see <see cref="RiskSingleton.Start"/> for the logins).</summary>
    public static Props Props(Props risk, ImmutableArray<LoginId> logins, ImmutableHashSet<LoginId> followed) =>
        Akka.Actor.Props.Create(() => new RiskSingletonHost(risk, logins, followed));

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(TradingStateChanged));
        foreach (var login in _logins)
        {
            _mediator.Tell(new Subscribe(LoginTopics.Of(login), Self), Self);
        }
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnEnvelope(LoginEventEnvelope envelope)
    {
        if (envelope.Origin != _self && !_followed.Contains(envelope.Event.Login) && envelope.Event is IOrderEvent or ConnectionStateChanged)
        {
            _risk.Tell(envelope.Event, Self);
        }
    }

    private void OnStop()
    {
        if (!_stopping)
        {
            _stopping = true;
            _risk.Tell(GetRiskStatus.Instance, Self);
        }
    }
}
