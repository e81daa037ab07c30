using System.Buffers;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using Akka.Actor;
using Engine.Actors.Runtime;

namespace Engine.Actors.Connections.Http;

/// <summary>
/// The transport of a venue that trades over HTTP and pushes over a WebSocket (Toobit): it speaks the connection's
/// transport protocol (<see cref="TransportActor.Connect"/>, <see cref="TransportActor.Send"/>,
/// <see cref="TransportActor.Close"/> in; <see cref="TransportActor.Connected"/>, <see cref="TransportActor.FrameReceived"/>,
/// <see cref="TransportActor.Closed"/> out), so the connection actor stays the same for every venue, and the venue's
/// behaviour chooses it (<c>IVenueConnectionBehavior.TransportProps</c>). Frames are <see cref="HttpTransportFrame"/>s.
/// <para>
/// HTTP: one long-lived <see cref="HttpClient"/> over one <see cref="SocketsHttpHandler"/> (pooled keep-alive
/// connections) for the actor's life; each request runs on its own task and its response comes back as one
/// <see cref="HttpTransportFrame.Response"/> frame stamped with the engine clock, matched by the request's key. A
/// request that gets no HTTP answer comes back as a failure (outcome unknown), never dropped. A session
/// (<see cref="TransportActor.Connect"/> .. end) has no socket of its own: <see cref="TransportActor.Connected"/> is
/// immediate, and the venue opens its push stream with an <see cref="HttpTransportFrame.OpenStream"/> frame.
/// </para>
/// <para>
/// The stream is the session: its end (closed by the venue, failed connect, lost) reports
/// <see cref="TransportActor.Closed"/> once for the generation, after which the generation's responses are dropped
/// (the connection has failed their requests as unknown). Stream frames before its open are held, so
/// <see cref="HttpTransportFrame.StreamOpened"/> always comes first. Threading as <see cref="TransportActor"/>:
/// library and task callbacks only <c>Tell</c> this actor.
/// </para>
/// </summary>
#pragma warning disable CA1001 // An actor ends in PostStop, which disposes the client and the stream; Akka never calls Dispose.
public sealed class HttpTransportActor : ReceiveActor
#pragma warning restore CA1001
{
    private readonly Func<ClientWebSocket> _socketFactory;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private int _generation = -1;
    private bool _closedReported = true;
    private Uri? _base;
    private TransportSocket? _stream;

    /// <summary>Creates the actor; <paramref name="requestTimeout"/> bounds every HTTP request (a late one is a failure).</summary>
    public HttpTransportActor(Func<ClientWebSocket>? socketFactory, TimeSpan requestTimeout)
    {
        _socketFactory = socketFactory ?? (() => new ClientWebSocket());
        _time = Context.Engine().Time;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ConnectTimeout = requestTimeout,
            UseCookies = false,
            AllowAutoRedirect = false,
        })
        {
            Timeout = requestTimeout,
        };
        Receive<TransportActor.Connect>(OnConnect);
        Receive<TransportActor.Send>(OnSend);
        Receive<TransportActor.Close>(OnClose);
        Receive<Answered>(OnAnswered);
        Receive<TransportActor.Opened>(OnOpened);
        Receive<TransportActor.SocketFrame>(OnStreamFrame);
        Receive<TransportActor.SocketEnded>(OnStreamEnded);
    }

    /// <summary>Props; <paramref name="socketFactory"/> creates the push stream's sockets.</summary>
    public static Props Props(Func<ClientWebSocket>? socketFactory, TimeSpan requestTimeout) =>
        Akka.Actor.Props.Create(() => new HttpTransportActor(socketFactory, requestTimeout));

    /// <inheritdoc />
    protected override void PostStop()
    {
        _stream?.Abort();
        _http.Dispose();
    }

    private void OnConnect(TransportActor.Connect connect)
    {
        _stream?.Abort();
        _stream = null;
        _generation = connect.Generation;
        _closedReported = false;
        _base = connect.Endpoint;
        Context.Parent.Tell(new TransportActor.Connected(_generation), Self);
    }

    private void OnSend(TransportActor.Send send)
    {
        if (_closedReported || _base is null)
        {
            return;
        }

        var frame = send.Frame;
        switch (HttpTransportFrame.KindOf(frame))
        {
            case HttpTransportFrame.Request:
                var request = HttpTransportFrame.ReadRequest(frame);
                var generation = _generation;
                SendAsync(request, _base, generation).PipeTo(Self);
                break;
            case HttpTransportFrame.OpenStream:
                _stream?.Abort();
                var url = new Uri(System.Text.Encoding.UTF8.GetString(HttpTransportFrame.Payload(frame)));
                _stream = new TransportSocket(_generation, url, _socketFactory);
                _stream.Start(Self, _time);
                break;
            case HttpTransportFrame.StreamSend:
                _stream?.Outbox.Writer.TryWrite(HttpTransportFrame.Payload(frame).ToArray());
                break;
            default:
                throw new ArgumentException($"not an HTTP transport frame (kind {HttpTransportFrame.KindOf(frame)})", nameof(send));
        }
    }

    private void OnClose(TransportActor.Close close)
    {
        if (_closedReported)
        {
            return;
        }

        if (_stream is { } stream)
        {
            if (close.ForEveryone)
            {
                stream.Abort();
            }
            else
            {
                stream.Outbox.Writer.TryComplete();
            }
        }

        Report(null, close.Reason);
    }

    private void OnAnswered(Answered answered)
    {
        if (answered.Generation != _generation || _closedReported)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(answered.Response.Body.Length + 64);
        HttpTransportFrame.WriteResponse(answered.Response, buffer);
        Context.Parent.Tell(new TransportActor.FrameReceived(_generation, buffer.WrittenSpan.ToArray(), _time.GetUtcNow()), Self);
    }

    private void OnOpened(TransportActor.Opened opened)
    {
        var socket = opened.Socket;
        if (!ReferenceEquals(socket, _stream) || _closedReported)
        {
            socket.Abort();
            return;
        }

        socket.IsOpen = true;
        socket.StartSending(Self);
        Context.Parent.Tell(new TransportActor.FrameReceived(socket.Generation, [HttpTransportFrame.StreamOpened], _time.GetUtcNow()), Self);
        foreach (var early in socket.Early)
        {
            Context.Parent.Tell(early, Self);
        }

        socket.Early.Clear();
        if (socket.EndedBeforeOpen is { } ended)
        {
            OnStreamEnded(ended with { ConnectFailed = true });
        }
    }

    private void OnStreamFrame(TransportActor.SocketFrame frame)
    {
        var socket = frame.Socket;
        if (!ReferenceEquals(socket, _stream) || _closedReported)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(frame.Frame.Length + 1);
        HttpTransportFrame.WriteStream(HttpTransportFrame.StreamText, frame.Frame, buffer);
        var received = new TransportActor.FrameReceived(socket.Generation, buffer.WrittenSpan.ToArray(), frame.ReceivedAt);
        if (socket.IsOpen)
        {
            Context.Parent.Tell(received, Self);
        }
        else
        {
            socket.Early.Add(received);
        }
    }

    private void OnStreamEnded(TransportActor.SocketEnded ended)
    {
        var socket = ended.Socket;
        if (!ReferenceEquals(socket, _stream) || _closedReported)
        {
            socket.Abort();
            return;
        }

        if (!socket.IsOpen && !ended.ConnectFailed)
        {
            socket.EndedBeforeOpen ??= ended;
            return;
        }

        socket.Abort();
        Report(ended.Status, $"push stream ended: {ended.Reason}".TrimEnd());
    }

    private void Report(WebSocketCloseStatus? status, string reason)
    {
        _closedReported = true;
        Context.Parent.Tell(new TransportActor.Closed(_generation, status, reason), Self);
    }

    private async Task<Answered> SendAsync(HttpTransportRequest request, Uri baseUri, int generation)
    {
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(baseUri, request.PathAndQuery));
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (!request.Body.IsEmpty)
            {
                message.Content = new ReadOnlyMemoryContent(request.Body);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }

            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var retry = response.Headers.RetryAfter;
            var after = retry?.Delta ?? (retry?.Date is { } date ? date - _time.GetUtcNow() : null);
            return new Answered(generation, new HttpTransportResponse(request.Key, (int)response.StatusCode, after, body, null));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or InvalidOperationException)
        {
            return new Answered(generation, new HttpTransportResponse(request.Key, 0, null, ReadOnlyMemory<byte>.Empty, $"{request.Method} {Path(request)} got no answer: {e.GetBaseException().Message}"));
        }
    }

    private static string Path(HttpTransportRequest request)
    {
        var query = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? request.PathAndQuery : request.PathAndQuery[..query];
    }

    /// <summary>A request's task finished, for the session of <paramref name="Generation"/>.</summary>
    private sealed record Answered(int Generation, HttpTransportResponse Response);
}
