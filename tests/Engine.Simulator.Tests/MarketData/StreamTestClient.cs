using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Engine.Simulator.Tests.MarketData;

/// <summary>A raw loopback client of the Binance market-data streams: a reader task queues every text frame; every wait has a timeout.</summary>
public sealed class StreamTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private Task? _reader;

    public WebSocketState State => _socket.State;

    /// <summary>Set when the server closed the socket (close frame or abort).</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<StreamTestClient> ConnectAsync(Uri baseUri, string pathAndQuery)
    {
        var client = new StreamTestClient();
        using var cts = new CancellationTokenSource(Timeout);
        await client._socket.ConnectAsync(new Uri($"ws://{baseUri.Authority}{pathAndQuery}"), cts.Token);
        client._reader = client.ReadAsync();
        return client;
    }

    public async Task SendAsync(string text)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cts.Token);
    }

    /// <summary>The next frame.</summary>
    public async Task<JsonElement> NextAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await _frames.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next frame that satisfies <paramref name="match"/>; the others are skipped.</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match)
    {
        while (true)
        {
            var frame = await NextAsync();
            if (match(frame))
            {
                return frame;
            }
        }
    }

    /// <summary>Sends a request and returns the reply with its id (pushes before it are skipped).</summary>
    public async Task<JsonElement> AskAsync(string request)
    {
        await SendAsync(request);
        return await NextAsync(f => f.TryGetProperty("id", out _));
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                _frames.Writer.TryWrite(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
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
            Closed.TrySetResult();
        }
    }
}
