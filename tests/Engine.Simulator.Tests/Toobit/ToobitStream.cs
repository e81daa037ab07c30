using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Engine.Simulator.Hosting;

namespace Engine.Simulator.Tests.Toobit;

/// <summary>A user-data stream client: a reader task queues every frame; every wait has a timeout.</summary>
public sealed class ToobitStream : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly Channel<string> frames = Channel.CreateUnbounded<string>();
    private readonly List<JsonElement> backlog = [];
    private Task? reader;

    public WebSocket Socket => socket;

    public string ListenKey { get; private set; } = string.Empty;

    public static async Task<ToobitStream> ConnectAsync(SimulatorHost host, string listenKey)
    {
        var stream = new ToobitStream { ListenKey = listenKey };
        await stream.socket.ConnectAsync(new Uri($"ws://127.0.0.1:{host.Port}/api/v1/ws/{listenKey}"), CancellationToken.None);
        stream.reader = stream.ReadAsync();
        return stream;
    }

    public Task SendAsync(string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<string> NextFrameAsync()
    {
        using var cts = new CancellationTokenSource(ToobitTestClient.Timeout);
        return await frames.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next event (an element of a pushed array) named <paramref name="name"/> matching <paramref name="match"/>; others are kept.</summary>
    public async Task<JsonElement> EventAsync(string name, Func<JsonElement, bool>? match = null)
    {
        bool Fits(JsonElement e) => e.GetProperty("e").GetString() == name && (match is null || match(e));
        var held = backlog.FindIndex(Fits);
        if (held >= 0)
        {
            var found = backlog[held];
            backlog.RemoveAt(held);
            return found;
        }

        while (true)
        {
            var frame = await NextFrameAsync();
            using var doc = JsonDocument.Parse(frame);
            Assert.Equal(JsonValueKind.Array, doc.RootElement.ValueKind);
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                backlog.Add(e.Clone());
            }

            held = backlog.FindIndex(Fits);
            if (held >= 0)
            {
                var found = backlog[held];
                backlog.RemoveAt(held);
                return found;
            }
        }
    }

    /// <summary>Completes when the server has closed the stream (the reader saw the close or an error).</summary>
    public async Task ClosedAsync()
    {
        using var cts = new CancellationTokenSource(ToobitTestClient.Timeout);
        await reader!.WaitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        socket.Abort();
        if (reader is not null)
        {
            await reader;
        }

        socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var text = new StringBuilder();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                await frames.Writer.WriteAsync(text.ToString());
            }
        }
        catch (WebSocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            frames.Writer.TryComplete();
        }
    }
}
