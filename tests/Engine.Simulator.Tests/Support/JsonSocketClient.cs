using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Engine.Simulator.Tests.Support;

/// <summary>
/// A loopback WebSocket client of a simulator that speaks JSON frames: once connected, a reader task queues every frame;
/// an expectation looks in the backlog first, then at new frames in arrival order, and leaves the others queued. Every
/// wait has a <see cref="Timeout"/>. A venue's client derives from it and adds its requests and frame predicates.
/// </summary>
public abstract class JsonSocketClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<JsonElement> frames = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> backlog = [];
    private Task? reader;

    /// <summary>The socket; set its options before connecting.</summary>
    public ClientWebSocket Socket { get; } = new();

    public async Task SendAsync(string json)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cts.Token);
    }

    /// <summary>First frame (backlog first, then new ones in order) matching <paramref name="predicate"/>; others stay queued.</summary>
    public async Task<JsonElement> ExpectAsync(Func<JsonElement, bool> predicate)
    {
        var index = backlog.FindIndex(f => predicate(f));
        if (index >= 0)
        {
            var found = backlog[index];
            backlog.RemoveAt(index);
            return found;
        }

        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var frame = await frames.Reader.ReadAsync(cts.Token);
            if (predicate(frame))
            {
                return frame;
            }

            backlog.Add(frame);
        }
    }

    /// <summary>Every frame received so far that no expectation consumed, in arrival order.</summary>
    public IReadOnlyList<JsonElement> Pending()
    {
        while (frames.Reader.TryRead(out var f))
        {
            backlog.Add(f);
        }

        return [.. backlog];
    }

    /// <summary>Completes when the server has closed or dropped the connection.</summary>
    public async Task WaitClosedAsync() => await reader!.WaitAsync(Timeout);

    public async ValueTask DisposeAsync()
    {
        Socket.Abort();
        if (reader is not null)
        {
            await reader.WaitAsync(Timeout);
        }

        Socket.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Connects to <paramref name="uri"/> within the timeout and starts queueing frames.</summary>
    protected async Task ConnectAsync(Uri uri)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await Socket.ConnectAsync(uri, cts.Token);
        reader = ReadAsync();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var ms = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await Socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    ms.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                frames.Writer.TryWrite(JsonDocument.Parse(ms.ToArray()).RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
        finally
        {
            frames.Writer.TryComplete();
        }
    }
}
