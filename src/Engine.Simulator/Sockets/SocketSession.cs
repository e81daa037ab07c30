using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace Engine.Simulator.Sockets;

/// <summary>
/// One client WebSocket of a venue simulator. Frames are queued without blocking the caller and written by a
/// single writer loop, so frames queued in one order are sent in that order. <see cref="Send"/>,
/// <see cref="Close"/> and <see cref="Abort"/> may be called from any thread; <see cref="Closing"/> and the
/// members a venue adds are read and written under the venue's lock.
/// </summary>
internal abstract class SocketSession(long id, WebSocket socket)
{
    /// <summary>Largest accepted incoming message; a larger one aborts the connection.</summary>
    public const int MaxFrameBytes = 1 << 20;

    private readonly FrameQueue outbox = new();
    private ITimer? closeDeadline;
    private WebSocketCloseStatus closeStatus = WebSocketCloseStatus.NormalClosure;
    private string closeReason = string.Empty;
    private bool sending;

    /// <summary>Connection number, unique within its venue, from 1 upward.</summary>
    public long Id { get; } = id;

    /// <summary>A close or abort was requested: nothing more will be queued.</summary>
    public bool Closing { get; private set; }

    /// <summary>Queues a text frame; dropped silently once the session is closing.</summary>
    public void Send(string frame) => Send(Encoding.UTF8.GetBytes(frame));

    /// <summary>Queues a text frame already encoded as UTF-8 (not to be modified afterwards); dropped silently once the session is closing.</summary>
    public void Send(byte[] utf8Frame) => outbox.TryWrite(utf8Frame);

    /// <summary>Queues <paramref name="frame"/> after <paramref name="delay"/> on <paramref name="time"/>'s clock, outside any lock.</summary>
    public void SendAfter(string frame, TimeSpan delay, TimeProvider time) => SendAfter(Encoding.UTF8.GetBytes(frame), delay, time);

    /// <summary>Queues the UTF-8 <paramref name="frame"/> after <paramref name="delay"/> on <paramref name="time"/>'s clock, outside any lock.</summary>
    public void SendAfter(byte[] frame, TimeSpan delay, TimeProvider time)
    {
        ITimer? timer = null;
        timer = time.CreateTimer(
            _ =>
            {
                Send(frame);
                timer?.Dispose();
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends what is queued, then a normal close (1000, empty reason) unless another status was chosen.</summary>
    public void Close()
    {
        Closing = true;
        outbox.Complete();
    }

    /// <summary>Sends what is queued, then a close with <paramref name="status"/> and <paramref name="reason"/>.</summary>
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (!Closing)
        {
            closeStatus = status;
            closeReason = reason;
        }

        Close();
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Abort()
    {
        Closing = true;
        outbox.Complete();
        socket.Abort();
    }

    /// <summary>
    /// Writes queued frames until <see cref="Close()"/> or <see cref="Abort"/>, then closes the output (normally, or with
    /// the status given to <see cref="Close(WebSocketCloseStatus, string)"/>) if the socket still allows it. A send
    /// failure or cancellation aborts the socket; never throws for those. No deadlines.
    /// </summary>
    public Task RunWriterAsync(CancellationToken cancellationToken) => RunWriterAsync(null, cancellationToken);

    /// <summary>
    /// <see cref="RunWriterAsync(CancellationToken)"/> under <paramref name="deadlines"/> (none when null): a send that
    /// does not complete within <see cref="SocketDeadlines.Send"/> aborts the connection, and once the writer is done the
    /// client has <see cref="SocketDeadlines.Close"/> to finish the close handshake before the connection is aborted.
    /// </summary>
    public async Task RunWriterAsync(SocketDeadlines? deadlines, CancellationToken cancellationToken)
    {
        // One deadline timer for the writer's life, armed around each send: no timer or token source per frame.
        using var sendDeadline = deadlines?.Time.CreateTimer(static state => ((SocketSession)state!).OnSendDeadline(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            await foreach (var frame in outbox.ReadAllAsync(cancellationToken))
            {
                ArmSendDeadline(sendDeadline, deadlines);
                await socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Text, true, cancellationToken);
                DisarmSendDeadline(sendDeadline);
            }

            // Armed before the close frame goes out: a client that has seen the close frame is already on the clock.
            ArmCloseDeadline(deadlines);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                ArmSendDeadline(sendDeadline, deadlines);
                await socket.CloseOutputAsync(closeStatus, closeReason, cancellationToken);
                DisarmSendDeadline(sendDeadline);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }

    /// <summary>Stops the close-handshake deadline once the connection has ended (the hub calls it after the writer).</summary>
    public void DisarmCloseDeadline() => Interlocked.Exchange(ref closeDeadline, null)?.Dispose();

    /// <summary>Starts the clock on one send: if it is still running after <see cref="SocketDeadlines.Send"/>, the connection is aborted.</summary>
    private void ArmSendDeadline(ITimer? timer, SocketDeadlines? deadlines)
    {
        if (timer is not null)
        {
            Volatile.Write(ref sending, true);
            timer.Change(deadlines!.Send, Timeout.InfiniteTimeSpan);
        }
    }

    private void DisarmSendDeadline(ITimer? timer)
    {
        if (timer is not null)
        {
            Volatile.Write(ref sending, false);
            timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>A send outlived its deadline: aborting the socket fails the pending send, and the writer ends as on any send failure.</summary>
    private void OnSendDeadline()
    {
        if (Volatile.Read(ref sending))
        {
            socket.Abort();
        }
    }

    private void ArmCloseDeadline(SocketDeadlines? deadlines)
    {
        if (deadlines is null || socket.State is WebSocketState.Closed or WebSocketState.Aborted)
        {
            return;
        }

        var timer = deadlines.Time.CreateTimer(
            _ =>
            {
                if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
                {
                    Abort();
                }
            },
            null,
            deadlines.Close,
            Timeout.InfiniteTimeSpan);
        Interlocked.Exchange(ref closeDeadline, timer)?.Dispose();
    }

    /// <summary>
    /// Reads messages while the socket is open and <paramref name="cancellationToken"/> is not cancelled, handing
    /// each complete text message to <paramref name="onText"/> (binary messages are ignored). Returns on a close
    /// frame, or after aborting the connection when a message exceeds <see cref="MaxFrameBytes"/>. Socket errors and
    /// cancellation propagate. The span is valid only during the call.
    /// </summary>
    public async Task ReceiveAsync(Action<ReadOnlySpan<byte>> onText, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxFrameBytes)
                {
                    Abort();
                    return;
                }
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            if (result.MessageType == WebSocketMessageType.Text)
            {
                onText(buffer.WrittenSpan);
            }
        }
    }
}
