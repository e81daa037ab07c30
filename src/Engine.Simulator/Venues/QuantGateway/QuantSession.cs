using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>
/// One client socket. Frames are queued (never blocking the caller) and written by a single writer loop, so
/// frames queued in one order are sent in that order. <see cref="LastActivity"/> is read and written under
/// the simulator's lock.
/// </summary>
internal sealed class QuantSession(long id, WebSocket socket, DateTimeOffset openedAt)
{
    private readonly Channel<string> outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public long Id { get; } = id;

    public DateTimeOffset LastActivity { get; set; } = openedAt;

    public bool Closing { get; private set; }

    public void Send(string frame) => outbox.Writer.TryWrite(frame);

    /// <summary>Sends what is queued, then a normal close (1000, empty reason).</summary>
    public void Close()
    {
        Closing = true;
        outbox.Writer.TryComplete();
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Abort()
    {
        Closing = true;
        outbox.Writer.TryComplete();
        socket.Abort();
    }

    public async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in outbox.Reader.ReadAllAsync(cancellationToken))
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
            }

            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            socket.Abort();
        }
    }
}
