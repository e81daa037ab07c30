using System.Net.WebSockets;
using System.Threading.Channels;
using Engine.Kernel.Actors;

namespace Engine.Actors.Connections;

/// <summary>
/// Owns one login's <see cref="ClientWebSocket"/>: opens it on <see cref="Connect"/>, sends frames in the
/// order given (one text frame each, through a single send loop so sends never overlap), runs a receive
/// loop whose complete text frames are told to this actor and forwarded to the owner, and reports the end
/// of every socket exactly once (<see cref="Closed"/>, with the close code when the peer sent one). Every
/// message carries the connection's generation; frames and reports of an older generation are dropped, so
/// a late frame of a dead socket never reaches the new session. Never blocks: socket work runs on tasks.
/// </summary>
public sealed class TransportActor : ReceiveActor
{
    private const int ReceiveChunk = 16 * 1024;

    private readonly Func<ClientWebSocket> _socketFactory;
    private readonly IActorRef? _owner;
    private Socket? _current;

    private TransportActor(Func<ClientWebSocket> socketFactory, IActorRef? owner)
    {
        _socketFactory = socketFactory;
        _owner = owner;
        Receive<Connect>(OnConnect);
        Receive<Opened>(OnOpened);
        Receive<Send>(OnSend);
        Receive<Close>(OnClose);
        Receive<FrameReceived>(f => Forward(f.Generation, f));
        Receive<Closed>(OnClosed);
    }

    private IActorRef Owner => _owner ?? Context.Parent;

    /// <summary>Props; <paramref name="socketFactory"/> creates each socket (options, test doubles); <paramref name="owner"/> defaults to the parent.</summary>
    public static Props Props(Func<ClientWebSocket>? socketFactory = null, IActorRef? owner = null) =>
        Kernel.Actors.Props.Create(() => new TransportActor(socketFactory ?? (() => new ClientWebSocket()), owner));

    /// <summary>Opens a socket to <paramref name="Endpoint"/> for <paramref name="Generation"/>, closing any previous one.</summary>
    public sealed record Connect(Uri Endpoint, int Generation);

    /// <summary>Sends one text frame on the current socket; dropped when there is none.</summary>
    public sealed record Send(byte[] Frame);

    /// <summary>
    /// Closes the current socket normally after the frames already given have been sent. On a shared socket
    /// only the sender detaches, unless <paramref name="ForEveryone"/> (the socket itself is dead).
    /// </summary>
    public sealed record Close(string Reason, bool ForEveryone = false);

    /// <summary>To the owner: the socket of <paramref name="Generation"/> is open.</summary>
    public sealed record Connected(int Generation);

    /// <summary>To the owner: one complete text frame.</summary>
    public sealed record FrameReceived(int Generation, byte[] Frame, DateTimeOffset ReceivedAt);

    /// <summary>To the owner, exactly once per generation: the socket is gone (or never opened).</summary>
    public sealed record Closed(int Generation, WebSocketCloseStatus? Status, string Reason);

    /// <inheritdoc />
    protected override void PostStop() => _current?.Abort();

    private void OnConnect(Connect connect)
    {
        _current?.Abort();
        var socket = new Socket(connect.Generation, _socketFactory());
        _current = socket;
        var self = Self;
        OpenAsync(socket, connect.Endpoint).PipeTo(
            self,
            success: opened => opened,
            failure: e => new Closed(socket.Generation, null, $"connect to {connect.Endpoint} failed: {e.Message}"));
    }

    private void OnOpened(Opened opened)
    {
        if (!ReferenceEquals(opened.Socket, _current))
        {
            opened.Socket.Abort();
            return;
        }

        var self = Self;
        var time = Context.System.TimeProvider;
        _ = Task.Run(() => ReceiveLoop(opened.Socket, self, time));
        _ = Task.Run(() => SendLoop(opened.Socket, self));
        Owner.Tell(new Connected(opened.Socket.Generation), Self);
    }

    private void OnSend(Send send) => _current?.Outbox.Writer.TryWrite(send.Frame);

    private void OnClose(Close close) => _current?.Outbox.Writer.TryComplete();

    private void OnClosed(Closed closed)
    {
        if (_current is { } socket && socket.Generation == closed.Generation && !socket.ClosedReported)
        {
            socket.ClosedReported = true;
            socket.Abort();
            Owner.Tell(closed, Self);
        }
    }

    private void Forward(int generation, object message)
    {
        if (_current?.Generation == generation && !_current.ClosedReported)
        {
            Owner.Tell(message, Self);
        }
    }

    private static async Task<Opened> OpenAsync(Socket socket, Uri endpoint)
    {
        await socket.Client.ConnectAsync(endpoint, socket.Cancel.Token);
        return new Opened(socket);
    }

    private static async Task ReceiveLoop(Socket socket, IActorRef self, TimeProvider time)
    {
        var buffer = new byte[ReceiveChunk];
        using var message = new MemoryStream();
        try
        {
            while (!socket.Cancel.IsCancellationRequested)
            {
                var result = await socket.Client.ReceiveAsync(buffer, socket.Cancel.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    self.Tell(new Closed(socket.Generation, result.CloseStatus, result.CloseStatusDescription ?? string.Empty));
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (result.MessageType == WebSocketMessageType.Text)
                {
                    self.Tell(new FrameReceived(socket.Generation, message.ToArray(), time.GetUtcNow()));
                }

                message.SetLength(0);
            }
        }
        catch (Exception e)
        {
            self.Tell(new Closed(socket.Generation, socket.Client.CloseStatus, $"receive failed: {e.Message}"));
        }
    }

    private static async Task SendLoop(Socket socket, IActorRef self)
    {
        try
        {
            await foreach (var frame in socket.Outbox.Reader.ReadAllAsync(socket.Cancel.Token))
            {
                await socket.Client.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, socket.Cancel.Token);
            }

            await socket.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closing", socket.Cancel.Token);
        }
        catch (Exception e)
        {
            self.Tell(new Closed(socket.Generation, socket.Client.CloseStatus, $"send failed: {e.Message}"));
        }
    }

    private sealed record Opened(Socket Socket);

    /// <summary>One socket incarnation; the loops only touch its thread-safe parts.</summary>
    private sealed class Socket(int generation, ClientWebSocket client)
    {
        public int Generation { get; } = generation;

        public ClientWebSocket Client { get; } = client;

        public CancellationTokenSource Cancel { get; } = new();

        public Channel<byte[]> Outbox { get; } = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        public bool ClosedReported { get; set; }

        private bool Aborted { get; set; }

        public void Abort()
        {
            if (Aborted)
            {
                return;
            }

            Aborted = true;
            Outbox.Writer.TryComplete();
            Cancel.Cancel();
            Client.Abort();
            Client.Dispose();
        }
    }
}
