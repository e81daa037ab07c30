using System.Net.WebSockets;
using Akka.Actor;
using Engine.Actors.Runtime;

namespace Engine.Actors.Connections;

/// <summary>
/// Owns one login's WebSocket, a <see cref="Websocket.Client.WebsocketClient"/> per <see cref="Connect"/>: opens it,
/// sends frames in the order given (one text frame each, through a single send loop so sends never overlap),
/// forwards every complete data frame to the owner as <see cref="FrameReceived"/> stamped with the engine clock
/// (a binary one too: see <see cref="TransportSocket.Start"/>),
/// and reports the end of every socket exactly once (<see cref="Closed"/>, with the close code when the peer sent
/// one). <see cref="Connected"/> always reaches the owner before the first frame of its socket. Every message
/// carries the connection's generation; frames and reports of an older socket are dropped, so a late frame of a
/// dead socket never reaches the new session. Never blocks: socket work runs on the library's tasks and one send
/// task per socket.
/// <para>
/// Reconnection: the library's own is switched off (<c>IsReconnectionEnabled = false</c>, no
/// <c>ReconnectTimeout</c>, <c>ErrorReconnectTimeout</c> or <c>LostReconnectTimeout</c>). The connection actor is the
/// one owner of session state and reconnect policy: after a lost socket it must log in again under a new
/// generation, fail pending requests as unknown, reconcile after READY, and wait a jittered backoff on the engine
/// clock (virtual in tests). A client that silently reopened the socket would resume a session nobody logged in,
/// on a wall-clock timer no test can drive. So each generation gets a fresh client that is started once and
/// disposed when its socket ends; a new socket is only ever opened by a <see cref="Connect"/>.
/// </para>
/// <para>
/// Threading: the library raises its observables on its own threads. Those callbacks only <c>Tell</c> this actor
/// (<see cref="SocketFrame"/>, <see cref="SocketEnded"/>), or, for a frame of the open socket, the owner directly
/// (as this actor would, with this actor as the sender: see <see cref="TransportSocket"/>), and read nothing but
/// immutable fields and the socket's frame gate; every decision (which socket is current, whether it was reported
/// closed, buffering frames until <see cref="Connected"/>, when the direct path opens and closes) is taken on the
/// actor's thread. The send task touches only the thread-safe parts of its <see cref="TransportSocket"/>.
/// The library gets no logger: its trace and error entries would print frames, and login frames carry secrets.
/// </para>
/// </summary>
public sealed class TransportActor : ReceiveActor
{
    private readonly Func<ClientWebSocket> _socketFactory;
    private readonly IActorRef? _owner;
    private readonly TimeProvider _time;
    private TransportSocket? _current;

    /// <summary>Creates the actor; <paramref name="socketFactory"/> makes each <see cref="ClientWebSocket"/> (its options: deflate, keep-alive).</summary>
    public TransportActor(Func<ClientWebSocket>? socketFactory, IActorRef? owner)
    {
        _socketFactory = socketFactory ?? (() => new ClientWebSocket());
        _owner = owner;
        _time = Context.Engine().Time;
        Receive<Connect>(OnConnect);
        Receive<Opened>(OnOpened);
        Receive<Send>(OnSend);
        Receive<Close>(OnClose);
        Receive<SocketFrame>(OnFrame);
        Receive<SocketEnded>(OnEnded);
    }

    private IActorRef Owner => _owner ?? Context.Parent;

    /// <summary>Props; <paramref name="socketFactory"/> creates each socket (options, test doubles); <paramref name="owner"/> defaults to the parent.</summary>
    public static Props Props(Func<ClientWebSocket>? socketFactory = null, IActorRef? owner = null) =>
        Akka.Actor.Props.Create(() => new TransportActor(socketFactory, owner));

    /// <summary>Opens a socket to <paramref name="Endpoint"/> for <paramref name="Generation"/>, closing any previous one.</summary>
    public sealed record Connect(Uri Endpoint, int Generation);

    /// <summary>Sends one text frame on the current socket (after the ones given before); dropped when there is none.</summary>
    public sealed record Send(byte[] Frame);

    /// <summary>
    /// Closes the current socket normally after the frames already given have been sent. On a shared socket
    /// only the sender detaches, unless <paramref name="ForEveryone"/> (the socket itself is dead): then the socket
    /// is aborted at once and <see cref="Closed"/> reported, since a dead peer would never answer a close handshake.
    /// </summary>
    public sealed record Close(string Reason, bool ForEveryone = false);

    /// <summary>To the owner: the socket of <paramref name="Generation"/> is open.</summary>
    public sealed record Connected(int Generation);

    /// <summary>To the owner: one complete data frame, received at <paramref name="ReceivedAt"/> on the engine clock.</summary>
    public sealed record FrameReceived(int Generation, byte[] Frame, DateTimeOffset ReceivedAt);

    /// <summary>To the owner, exactly once per generation: the socket is gone (or never opened).</summary>
    /// <param name="UpgradeStatus">When the socket never opened because the server answered the upgrade with an HTTP status (401, ...): that status.</param>
    public sealed record Closed(int Generation, WebSocketCloseStatus? Status, string Reason, System.Net.HttpStatusCode? UpgradeStatus = null);

    /// <inheritdoc />
    protected override void PostStop() => _current?.Abort();

    private void OnConnect(Connect connect)
    {
        _current?.Abort();
        var socket = new TransportSocket(connect.Generation, connect.Endpoint, _socketFactory);
        _current = socket;
        socket.Start(Self, _time);
    }

    private void OnOpened(Opened opened)
    {
        var socket = opened.Socket;
        if (!ReferenceEquals(socket, _current) || socket.ClosedReported)
        {
            socket.Abort();
            return;
        }

        socket.IsOpen = true;
        socket.StartSending(Self);
        Owner.Tell(new Connected(socket.Generation), Self);
        foreach (var frame in socket.Early)
        {
            Owner.Tell(frame, Self);
        }

        socket.Early.Clear();
        if (socket.EndedBeforeOpen is { } ended)
        {
            Report(socket, ended);
            return;
        }

        socket.DeliverDirectly(Owner);
    }

    private void OnSend(Send send) => _current?.Outbox.Writer.TryWrite(send.Frame);

    private void OnClose(Close close)
    {
        if (_current is not { } socket)
        {
            return;
        }

        if (close.ForEveryone && !socket.ClosedReported)
        {
            Report(socket, new SocketEnded(socket, null, close.Reason));
            return;
        }

        socket.Outbox.Writer.TryComplete();
    }

    private void OnFrame(SocketFrame frame)
    {
        var socket = frame.Socket;
        try
        {
            Pass(frame);
        }
        finally
        {
            socket.FramePassedOn();
        }
    }

    private void Pass(SocketFrame frame)
    {
        var socket = frame.Socket;
        if (!ReferenceEquals(socket, _current) || socket.ClosedReported)
        {
            return;
        }

        var received = new FrameReceived(socket.Generation, frame.Frame, frame.ReceivedAt);
        if (socket.IsOpen)
        {
            Owner.Tell(received, Self);
        }
        else
        {
            socket.Early.Add(received);
        }
    }

    /// <summary>
    /// The first end of the current socket is reported; later ones (the library and the send task may both see it)
    /// are dropped. Before the connect outcome is known an end is held, so that <see cref="Connected"/> and the frames
    /// that came with it still go first; a failed connect reports at once.
    /// </summary>
    private void OnEnded(SocketEnded ended)
    {
        var socket = ended.Socket;
        if (!ReferenceEquals(socket, _current) || socket.ClosedReported)
        {
            return;
        }

        if (!socket.IsOpen && !ended.ConnectFailed)
        {
            socket.EndedBeforeOpen ??= ended;
            return;
        }

        Report(socket, ended);
    }

    private void Report(TransportSocket socket, SocketEnded ended)
    {
        socket.ClosedReported = true;
        socket.Abort();
        Owner.Tell(new Closed(socket.Generation, ended.Status, ended.Reason, ended.UpgradeStatus), Self);
    }

    /// <summary>From the connect task: the socket is open.</summary>
    internal sealed record Opened(TransportSocket Socket);

    /// <summary>From the library's receive loop: one complete data frame.</summary>
    internal sealed record SocketFrame(TransportSocket Socket, byte[] Frame, DateTimeOffset ReceivedAt);

    /// <summary>From the library or the send task: the socket ended (<paramref name="ConnectFailed"/>: it never opened).</summary>
    internal sealed record SocketEnded(TransportSocket Socket, WebSocketCloseStatus? Status, string Reason, bool ConnectFailed = false, System.Net.HttpStatusCode? UpgradeStatus = null);
}
