using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Engine.Bench.Orders;

/// <summary>
/// The raw baseline: one <see cref="ClientWebSocket"/> speaking the quant gateway protocol by hand (login, wait for
/// state 6, then <c>place_order</c> frames matched to their replies by <c>cid</c>), with no actors, journal or budget.
/// Not thread-safe: one measurement at a time.
/// </summary>
internal sealed class RawQuantClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly byte[] receiveBuffer = new byte[64 * 1024];
    private readonly MemoryStream message = new();
    private string token = string.Empty;
    private long nextCid;

    public static async Task<RawQuantClient> ConnectAsync(Uri uri, string accessKey, string secretKey, CancellationToken cancellationToken)
    {
        var client = new RawQuantClient();
        await client.socket.ConnectAsync(uri, cancellationToken);
        await client.SendAsync(
            $"{{\"op\":\"login\",\"cid\":\"login\",\"platform\":\"huobi\",\"symbols\":[\"{OrderFlow.Symbol}\"],\"access_key\":\"{accessKey}\",\"secret_key\":\"{secretKey}\"}}",
            cancellationToken);
        var ready = false;
        while (!ready)
        {
            using var frame = JsonDocument.Parse(await client.ReceiveAsync(cancellationToken));
            var root = frame.RootElement;
            switch (root.GetProperty("op").GetString())
            {
                case "login":
                    client.token = root.GetProperty("token").GetString() ?? throw new InvalidOperationException("login refused");
                    break;
                case "state" when root.GetProperty("code").GetInt32() == 6:
                    ready = client.token.Length > 0;
                    break;
                case "state" when root.GetProperty("code").GetInt32() == 1:
                    throw new InvalidOperationException("raw login failed: " + root.GetRawText());
            }
        }

        return client;
    }

    /// <summary>One order at a time: the latency of each send → reply, in Stopwatch ticks.</summary>
    public async Task<long[]> RoundTripsAsync(int count, CancellationToken cancellationToken)
    {
        var samples = new long[count];
        for (var i = 0; i < count; i++)
        {
            var cid = NextCid();
            var started = Stopwatch.GetTimestamp();
            await SendAsync(PlaceOrder(cid), cancellationToken);
            while (true)
            {
                var reply = await ReceiveAsync(cancellationToken);
                if (IsPlaceReply(reply, out var repliedCid) && repliedCid == cid)
                {
                    break;
                }
            }

            samples[i] = Stopwatch.GetTimestamp() - started;
        }

        return samples;
    }

    /// <summary>Pipelined: up to <paramref name="window"/> orders in flight; returns the seconds from first send to last reply.</summary>
    public async Task<double> PipelinedAsync(int count, int window, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(window, window);
        var started = Stopwatch.GetTimestamp();
        var receiving = Task.Run(
            async () =>
            {
                var replies = 0;
                while (replies < count)
                {
                    if (IsPlaceReply(await ReceiveAsync(cancellationToken), out _))
                    {
                        replies++;
                        slots.Release();
                    }
                }
            },
            cancellationToken);
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync(cancellationToken);
            await SendAsync(PlaceOrder(NextCid()), cancellationToken);
        }

        await receiving;
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        socket.Dispose();
        await message.DisposeAsync();
    }

    private static bool IsPlaceReply(ReadOnlyMemory<byte> frame, out string? cid)
    {
        cid = null;
        var reader = new Utf8JsonReader(frame.Span);
        var isPlace = false;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8))
            {
                reader.Read();
                isPlace = reader.ValueTextEquals("place_order"u8);
                if (!isPlace)
                {
                    return false;
                }
            }
            else if (reader.ValueTextEquals("cid"u8))
            {
                reader.Read();
                cid = reader.GetString();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return isPlace;
    }

    private string NextCid() => "r" + (++nextCid).ToString(CultureInfo.InvariantCulture);

    private string PlaceOrder(string cid) =>
        $"{{\"op\":\"place_order\",\"cid\":\"{cid}\",\"token\":\"{token}\",\"symbol\":\"{OrderFlow.Symbol}\",\"action\":\"BUY\",\"price\":{OrderFlow.PriceText},\"quantity\":{OrderFlow.QuantityText},\"order_type\":\"LIMIT\"}}";

    private Task SendAsync(string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task<ReadOnlyMemory<byte>> ReceiveAsync(CancellationToken cancellationToken)
    {
        message.SetLength(0);
        while (true)
        {
            var result = await socket.ReceiveAsync(receiveBuffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("the simulator closed the raw socket");
            }

            if (result.EndOfMessage && message.Length == 0)
            {
                return receiveBuffer.AsMemory(0, result.Count);
            }

            message.Write(receiveBuffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return message.GetBuffer().AsMemory(0, (int)message.Length);
            }
        }
    }
}
