using Akka.Actor;
using Engine.Actors.Runtime;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Connections;

/// <summary>
/// One socket shared by several logins of a socket group (quant gateway token multiplexing). Speaks the
/// <see cref="TransportActor"/> protocol to each member connection, so a connection cannot tell a shared
/// socket from its own: <see cref="TransportActor.Connect"/> attaches the sender (opening the socket when
/// it is not open; answering at once when it is), every frame goes to every attached member under that
/// member's generation (each member's venue behaviour keeps only its own session's pushes and its own
/// correlation keys), except a frame whose <see cref="FrameRoute"/> names a member: by a key the member claimed with
/// <see cref="RouteTo"/> (its correlation prefix), or one learnt from an earlier frame of that member (the token its login
/// reply handed out, <see cref="FrameRoute.Also"/>). That frame goes to that member only, so a group of n logins decodes
/// a frame once instead of n times. <see cref="TransportActor.Close"/> detaches the member and closes the socket only
/// when it was the last one or when the close is forced (a dead heartbeat), and the end of the socket is
/// reported to every attached member. Owns the real <see cref="TransportActor"/> as its child, so the
/// Websocket.Client threading and reconnection rules of that actor hold here too; members are watched and a
/// stopped member detaches.
/// </summary>
public sealed partial class SharedTransportActor : ReceiveActor
{
    private readonly Props _transportProps;
    private readonly FrameRouter? _router;
    private readonly Dictionary<IActorRef, int> _attached = [];
    private readonly Dictionary<string, IActorRef> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, List<string>> _keysOf = [];
    private readonly Dictionary<IActorRef, int> _waiting = [];
    private readonly ILogger _log;
    private IActorRef _socket = ActorRefs.Nobody;
    private int _generation;
    private bool _open;
    private bool _opening;

    /// <summary>
    /// Creates the actor; <paramref name="transport"/> makes the real socket actor in <see cref="PreStart"/>;
    /// <paramref name="router"/> reads the venue's route keys from a frame (null: every frame goes to every member).
    /// </summary>
    public SharedTransportActor(Props transport, FrameRouter? router)
    {
        _transportProps = transport;
        _router = router;
        _log = Context.CreateLogger<SharedTransportActor>();
        Receive<TransportActor.Connect>(OnConnect);
        Receive<TransportActor.Send>(s =>
        {
            if (_open && _attached.ContainsKey(Sender))
            {
                _socket.Tell(s, Self);
            }
        });
        Receive<TransportActor.Close>(OnClose);
        Receive<RouteTo>(OnRouteTo);
        Receive<TransportActor.Connected>(c => c.Generation == _generation, _ => OnOpened());
        Receive<TransportActor.FrameReceived>(f => f.Generation == _generation, OnFrame);
        Receive<TransportActor.Closed>(c => c.Generation == _generation, OnClosed);
        Receive<TransportActor.Connected>(_ => { });
        Receive<TransportActor.FrameReceived>(_ => { });
        Receive<TransportActor.Closed>(_ => { });
        Receive<Terminated>(t => Detach(t.ActorRef));
    }

    /// <summary>Props; <paramref name="transport"/> makes the real socket actor (its owner must default to the parent).</summary>
    public static Props Props(Props transport, FrameRouter? router = null) => Akka.Actor.Props.Create(() => new SharedTransportActor(transport, router));

    /// <summary>
    /// From an attached member: frames whose route key is <paramref name="Key"/> are its own. Claims last until the
    /// member detaches or the socket ends; a member claims again after it reconnects.
    /// </summary>
    public sealed record RouteTo(string Key);

    /// <inheritdoc />
    protected override void PreStart() => _socket = Context.ActorOf(_transportProps, "transport");

    private void OnConnect(TransportActor.Connect connect)
    {
        Context.Watch(Sender);
        _attached.Remove(Sender);
        if (_open)
        {
            _attached[Sender] = connect.Generation;
            Sender.Tell(new TransportActor.Connected(connect.Generation), Self);
            return;
        }

        _waiting[Sender] = connect.Generation;
        if (!_opening)
        {
            _opening = true;
            _generation++;
            _socket.Tell(new TransportActor.Connect(connect.Endpoint, _generation), Self);
        }
    }

    private void OnOpened()
    {
        _opening = false;
        _open = true;
        foreach (var (member, generation) in _waiting)
        {
            _attached[member] = generation;
            member.Tell(new TransportActor.Connected(generation), Self);
        }

        _waiting.Clear();
    }

    private void OnFrame(TransportActor.FrameReceived frame)
    {
        if (_router is not null && Owner(_router(frame.Frame)) is { } owner && _attached.TryGetValue(owner, out var ownerGeneration))
        {
            owner.Tell(frame with { Generation = ownerGeneration }, Self);
            return;
        }

        foreach (var (member, generation) in _attached)
        {
            member.Tell(frame with { Generation = generation }, Self);
        }
    }

    /// <summary>The member <paramref name="route"/> names, learning its second key for that member; null: no member.</summary>
    private IActorRef? Owner(FrameRoute route)
    {
        if (route.Key is { } key && _routes.TryGetValue(key, out var owner))
        {
            if (route.Also is { } also && !_routes.ContainsKey(also))
            {
                Claim(owner, also);
            }

            return owner;
        }

        return route.Also is { } alias && _routes.TryGetValue(alias, out var aliased) ? aliased : null;
    }

    private void OnRouteTo(RouteTo claim)
    {
        if (_attached.ContainsKey(Sender) || _waiting.ContainsKey(Sender))
        {
            Claim(Sender, claim.Key);
        }
    }

    private void Claim(IActorRef member, string key)
    {
        if (_routes.TryGetValue(key, out var previous) && _keysOf.TryGetValue(previous, out var previousKeys))
        {
            previousKeys.Remove(key);
        }

        _routes[key] = member;
        if (!_keysOf.TryGetValue(member, out var keys))
        {
            _keysOf[member] = keys = [];
        }

        keys.Add(key);
    }

    private void ForgetRoutes(IActorRef member)
    {
        if (_keysOf.Remove(member, out var keys))
        {
            foreach (var key in keys)
            {
                _routes.Remove(key);
            }
        }
    }

    private void OnClose(TransportActor.Close close)
    {
        var member = Sender;
        ForgetRoutes(member);
        _waiting.Remove(member);
        if (!_attached.Remove(member, out var generation))
        {
            return;
        }

        member.Tell(new TransportActor.Closed(generation, null, close.Reason), Self);
        if (close.ForEveryone || (_attached.Count == 0 && _waiting.Count == 0))
        {
            LogClosedByMember(_log, close.Reason);
            _socket.Tell(close, Self);
        }
    }

    private void OnClosed(TransportActor.Closed closed)
    {
        _open = false;
        _opening = false;
        foreach (var (member, generation) in _attached.Concat(_waiting))
        {
            member.Tell(closed with { Generation = generation }, Self);
        }

        _attached.Clear();
        _waiting.Clear();
        _routes.Clear();
        _keysOf.Clear();
        _generation++;
    }

    private void Detach(IActorRef member)
    {
        ForgetRoutes(member);
        _waiting.Remove(member);
        if (_attached.Remove(member) && _attached.Count == 0 && _waiting.Count == 0 && _open)
        {
            _socket.Tell(new TransportActor.Close("no member left"), Self);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Shared socket closed by a member: {Reason}")]
    private static partial void LogClosedByMember(ILogger logger, string reason);
}
