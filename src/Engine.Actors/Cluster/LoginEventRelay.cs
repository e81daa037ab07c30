using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Engine.Messages;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Cluster;

/// <summary>
/// One per node (<c>/user/login-events</c>): carries login events between the nodes of a cluster over Akka.Cluster.Tools
/// distributed pub-sub, one topic per login. The events of the logins hosted here (it follows <see cref="LoginHosted"/> and
/// <see cref="LoginReleased"/>) are published to their topic as they appear on this node's event stream; the envelopes of
/// the followed topics that another node published are republished on this node's event stream, where strategies hear
/// them as if the login ran here. Its own node's envelopes are dropped: those events are already on the stream, so a
/// co-located strategy hears each event once, straight from the book, and the hot path does not cross the relay.
/// Pub-sub is at most once: a strategy on another node that may have missed events while a login moved re-reads the
/// login (open orders, positions) as it does after any restart. It learns the logins hosted here from the entities
/// themselves: their <see cref="LoginHosted"/> and <see cref="LoginReleased"/>, and at every start (a restart too) their
/// answers to a <see cref="WhoIsHosted"/>, so nothing published before it subscribed, or forgotten in a restart, is missing.
/// Answers <see cref="GetHostedLogins"/>.
/// </summary>
public sealed class LoginEventRelay : ReceiveActor
{
    private readonly ImmutableHashSet<LoginId> _followed;
    private readonly HashSet<LoginId> _hosted = [];
    private readonly HashSet<object> _relayed = new(ReferenceEqualityComparer.Instance);
    private readonly IActorRef _mediator;
    private readonly Address _self;

    /// <summary>Use <see cref="Props"/>.</summary>
    public LoginEventRelay(IEnumerable<LoginId> followed)
    {
        _followed = [.. followed];
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        _self = Akka.Cluster.Cluster.Get(Context.System).SelfAddress;
        Receive<LoginHosted>(h => _hosted.Add(h.Login));
        Receive<LoginReleased>(r => _hosted.Remove(r.Login));
        Receive<GetHostedLogins>(_ => Sender.Tell(new HostedLogins(_self, [.. _hosted.OrderBy(l => l.Value, StringComparer.Ordinal)]), Self));
        Receive<LoginEventEnvelope>(OnEnvelope);
        Receive<ILoginEvent>(OnLocalEvent);
        Receive<SubscribeAck>(_ => { });
    }

    /// <summary>Props of the relay following the topics of <paramref name="followed"/> (the logins the node's strategies trade).</summary>
    public static Props Props(IEnumerable<LoginId> followed) => Akka.Actor.Props.Create(() => new LoginEventRelay(followed));

    /// <inheritdoc />
    protected override void PreStart()
    {
        var stream = Context.System.EventStream;
        stream.Subscribe(Self, typeof(ILoginEvent));
        stream.Subscribe(Self, typeof(LoginHosted));
        stream.Subscribe(Self, typeof(LoginReleased));
        stream.Publish(new WhoIsHosted(Self));
        foreach (var login in _followed)
        {
            _mediator.Tell(new Subscribe(LoginTopics.Of(login), Self), Self);
        }
    }

    /// <inheritdoc />
    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void OnLocalEvent(ILoginEvent loginEvent)
    {
        // An event this relay republished comes back through the stream; it must not go out again (it would be doubled
        // when its login has just arrived here while the old node's last events were still in flight).
        if (!_relayed.Remove(loginEvent) && _hosted.Contains(loginEvent.Login))
        {
            _mediator.Tell(new Publish(LoginTopics.Of(loginEvent.Login), new LoginEventEnvelope(_self, loginEvent)), Self);
        }
    }

    private void OnEnvelope(LoginEventEnvelope envelope)
    {
        if (envelope.Origin != _self)
        {
            _relayed.Add(envelope.Event);
            Context.System.EventStream.Publish(envelope.Event);
        }
    }
}
