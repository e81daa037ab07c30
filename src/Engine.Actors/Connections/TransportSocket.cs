using System.Net;
using System.Net.WebSockets;
using System.Threading.Channels;
using Akka.Actor;
using Websocket.Client;

namespace Engine.Actors.Connections;

/// <summary>
/// One socket incarnation of a <see cref="TransportActor"/>: a <see cref="WebsocketClient"/> started once, with the
/// library's reconnection off, and the outbox of its send task. Threading: <see cref="Generation"/>, the client, the
/// outbox and the cancellation are safe from any thread; the library's callbacks and the send task only read them and
/// tell the actor, but for frames once the socket is open (<see cref="DeliverDirectly"/>). <see cref="IsOpen"/>,
/// <see cref="ClosedReported"/>, <see cref="Early"/> and <see cref="EndedBeforeOpen"/> belong to the actor's thread.
/// <para>
/// Frames: while the socket is open and reported, and no frame told to the actor is still on its way, the receive
/// callback tells the owner each frame itself, which saves a mailbox hop per frame (a connection receives several
/// per order); otherwise it tells the actor, which keeps early frames until <see cref="TransportActor.Connected"/>
/// and drops those of a socket no longer current. One lock orders the two paths: the callback takes the direct one only
/// when every frame it gave the actor has been passed on (so none overtakes another), and the actor closes it before
/// it reports the end (so no frame follows <see cref="TransportActor.Closed"/>).
/// </para>
/// </summary>
internal sealed class TransportSocket : IDisposable
{
    private readonly Uri _endpoint;
    private readonly WebsocketClient _client;
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _frameGate = new();
    private ClientWebSocket? _attempt;
    private bool _aborted;
    private IActorRef? _directTo;
    private int _framesViaActor;

    public TransportSocket(int generation, Uri endpoint, Func<ClientWebSocket> socketFactory)
    {
        Generation = generation;
        _endpoint = endpoint;
        _client = new WebsocketClient(endpoint, () =>
        {
            var attempt = socketFactory();
            Volatile.Write(ref _attempt, attempt);
            return attempt;
        })
        {
            Name = endpoint.Authority,
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            ConnectTimeout = Timeout.InfiniteTimeSpan,
            IsTextMessageConversionEnabled = false,
        };
    }

    /// <summary>The owner's generation of this socket.</summary>
    public int Generation { get; }

    /// <summary>Frames to send, in order; completing the writer closes the socket once they are sent.</summary>
    public Channel<byte[]> Outbox { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Actor thread: <see cref="TransportActor.Connected"/> was told.</summary>
    public bool IsOpen { get; set; }

    /// <summary>Actor thread: <see cref="TransportActor.Closed"/> was told.</summary>
    public bool ClosedReported { get; set; }

    /// <summary>Actor thread: frames that arrived before the connect outcome, delivered right after <see cref="TransportActor.Connected"/>.</summary>
    public List<TransportActor.FrameReceived> Early { get; } = [];

    /// <summary>Actor thread: an end seen before the connect outcome, reported after the early frames.</summary>
    public TransportActor.SocketEnded? EndedBeforeOpen { get; set; }

    /// <summary>
    /// Subscribes (frames and disconnections are told to <paramref name="self"/>) and starts connecting; the outcome
    /// comes as <see cref="TransportActor.Opened"/> or a failed <see cref="TransportActor.SocketEnded"/>.
    /// </summary>
    public void Start(IActorRef self, TimeProvider time)
    {
        _subscriptions.Add(_client.MessageReceived.Subscribe(message =>
        {
            // The library's text conversion is off: it hands over each data frame's bytes as received (reporting every
            // one as binary), where it would otherwise decode a text frame into a string that the codecs, which read
            // UTF-8, only encode back. So binary frames arrive too; no venue sends them, and a codec reports one it
            // cannot read like any other unreadable frame.
            if (message.Binary is { } frame && !_cancel.IsCancellationRequested)
            {
                var at = time.GetUtcNow();
                lock (_frameGate)
                {
                    if (_directTo is { } owner && _framesViaActor == 0)
                    {
                        owner.Tell(new TransportActor.FrameReceived(Generation, frame, at), self);
                        return;
                    }

                    _framesViaActor++;
                }

                self.Tell(new TransportActor.SocketFrame(this, frame, at));
            }
        }));
        _subscriptions.Add(_client.DisconnectionHappened.Subscribe(info =>
        {
            if (!_cancel.IsCancellationRequested)
            {
                var failed = info.Type == DisconnectionType.Error;
                self.Tell(new TransportActor.SocketEnded(this, info.CloseStatus, Describe(info), ConnectFailed: failed, UpgradeStatus: failed ? UpgradeStatus() : null));
            }
        }));
        _client.StartOrFail().PipeTo(
            self,
            success: () => new TransportActor.Opened(this),
            failure: e => new TransportActor.SocketEnded(this, null, $"connect to {_endpoint} failed: {e.GetBaseException().Message}", ConnectFailed: true, UpgradeStatus: UpgradeStatus()));
    }

    /// <summary>
    /// Actor thread: from now on frames go straight to <paramref name="owner"/> (null: no longer), once those told to the
    /// actor before have been passed on.
    /// </summary>
    public void DeliverDirectly(IActorRef? owner)
    {
        lock (_frameGate)
        {
            _directTo = owner;
        }
    }

    /// <summary>Actor thread: a frame the callback told the actor has been passed on (or dropped).</summary>
    public void FramePassedOn()
    {
        lock (_frameGate)
        {
            _framesViaActor--;
        }
    }

    /// <summary>Starts the send task: frames go out one at a time in outbox order; when the outbox completes, a normal close.</summary>
    public void StartSending(IActorRef self) => _ = Task.Run(() => SendLoop(self));

    /// <inheritdoc cref="Abort"/>
    public void Dispose() => Abort();

    /// <summary>
    /// Actor thread: ends the socket at once (idempotent); the callbacks and the send task tell the actor nothing
    /// afterwards (one already on its way is dropped by the actor, this socket no longer being current or open), and
    /// the owner no frame.
    /// </summary>
    public void Abort()
    {
        // First of all: no frame goes to the owner directly once the actor has given this socket up.
        DeliverDirectly(null);
        if (_aborted)
        {
            // A connect that completed just after the dispose leaves the library a live socket: end that one too.
            _client.NativeClient?.Abort();
            return;
        }

        _aborted = true;
        _cancel.Cancel();
        Outbox.Writer.TryComplete();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _client.Dispose();
        _cancel.Dispose();
    }

    private async Task SendLoop(IActorRef self)
    {
        try
        {
            await foreach (var frame in Outbox.Reader.ReadAllAsync(_cancel.Token).ConfigureAwait(false))
            {
                // The frame's UTF-8 bytes go out as one text frame on the library's socket, with no string in between
                // (the library's own text send decodes and re-encodes). This loop is the socket's only sender until
                // the Stop below. Like the library, nothing is sent on a socket that is no longer open (its end is
                // reported by the library), nor an empty frame, which no codec writes. The send itself takes no
                // token, which keeps it on the socket's cheaper non-cancelable path: Abort disposes the client,
                // which aborts the socket and so fails a send in progress.
                if (frame.Length > 0 && _client.NativeClient is { State: WebSocketState.Open } native)
                {
                    await native.SendAsync(new ReadOnlyMemory<byte>(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                }
            }

            await _client.Stop(WebSocketCloseStatus.NormalClosure, "closing").ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (!_cancel.IsCancellationRequested)
            {
                self.Tell(new TransportActor.SocketEnded(this, PeerCloseStatus(), $"send failed: {e.GetBaseException().Message}"));
            }
        }
    }

    /// <summary>
    /// The HTTP status of a refused upgrade (401, 403, 429, ...), read from the socket of the failed attempt; null when
    /// no response came or the socket factory did not set <see cref="ClientWebSocketOptions.CollectHttpResponseDetails"/>.
    /// </summary>
    private HttpStatusCode? UpgradeStatus()
    {
        try
        {
            return Volatile.Read(ref _attempt) is { HttpStatusCode: var status and not 0 and not HttpStatusCode.SwitchingProtocols } ? status : null;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>The close code the peer sent, if any; read from the send task, so a disposed socket reads as none.</summary>
    private WebSocketCloseStatus? PeerCloseStatus()
    {
        try
        {
            return _client.NativeClient?.CloseStatus;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    private string Describe(DisconnectionInfo info) => info.Type switch
    {
        DisconnectionType.ByServer => info.CloseStatusDescription ?? string.Empty,
        DisconnectionType.Error => $"connect to {_endpoint} failed: {info.Exception?.GetBaseException().Message ?? "unknown error"}",
        DisconnectionType.ByUser => "closed by the engine",
        DisconnectionType.Exit => "socket disposed",
        _ => $"receive failed: {info.Exception?.GetBaseException().Message ?? "connection lost"}",
    };
}
