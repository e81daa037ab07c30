using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Engine.Bench.Orders;

namespace Engine.Bench.Binance;

/// <summary>
/// The baseline: a bare <see cref="ClientWebSocket"/> that signs and sends the same <c>order.place</c> the engine
/// sends (LIMIT GTC, <c>newClientOrderId</c>, <c>newOrderRespType</c> FULL, <c>apiKey</c>, <c>timestamp</c>,
/// <c>recvWindow</c>, HMAC-SHA256 hex <c>signature</c> over the ordinal-sorted raw <c>key=value</c> payload) and waits
/// for its response, one request at a time. No user data stream, no journal, no actors: the floor the engine is
/// compared with. Not thread-safe: one loop at a time.
/// </summary>
internal sealed class RawBinanceClient : IAsyncDisposable
{
    private const int RecvWindow = 5000;
    private readonly ClientWebSocket socket;
    private readonly string apiKey;
    private readonly HMACSHA256 hmac;
    private readonly ArrayBufferWriter<byte> outgoing = new(1024);
    private readonly byte[] incoming = new byte[64 * 1024];
    private long nextId;

    private RawBinanceClient(ClientWebSocket socket, string apiKey, string secret)
    {
        this.socket = socket;
        this.apiKey = apiKey;
        hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
    }

    public static async Task<RawBinanceClient> ConnectAsync(Uri uri, string apiKey, string secret, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, cancellationToken);
            return new RawBinanceClient(socket, apiKey, secret);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Places <paramref name="count"/> orders one after another; returns each round trip (sign, send, response) in Stopwatch ticks.</summary>
    public async Task<long[]> RoundTripsAsync(string clientOrderIdPrefix, int count, CancellationToken cancellationToken)
    {
        var samples = new long[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var id = ++nextId;
            WriteOrderPlace(id, string.Create(CultureInfo.InvariantCulture, $"{clientOrderIdPrefix}{i}"));
            await socket.SendAsync(outgoing.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            await ReceiveResponseAsync(id, cancellationToken);
            samples[i] = Stopwatch.GetTimestamp() - started;
        }

        return samples;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The simulator may already be gone; closing is best effort.
        }

        socket.Dispose();
        hmac.Dispose();
    }

    private void WriteOrderPlace(long id, string clientOrderId)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var recvWindow = RecvWindow.ToString(CultureInfo.InvariantCulture);
        (string Key, string Value, bool Number)[] parameters =
        [
            ("apiKey", apiKey, false),
            ("newClientOrderId", clientOrderId, false),
            ("newOrderRespType", "FULL", false),
            ("price", OrderFlow.PriceText, false),
            ("quantity", OrderFlow.QuantityText, false),
            ("recvWindow", recvWindow, true),
            ("side", "BUY", false),
            ("symbol", BinanceBenchOrder.Symbol, false),
            ("timeInForce", "GTC", false),
            ("timestamp", timestamp, true),
            ("type", "LIMIT", false),
        ];
        Array.Sort(parameters, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var payload = string.Join('&', parameters.Select(p => p.Key + "=" + p.Value));
        var signature = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes(payload)));

        outgoing.ResetWrittenCount();
        using var json = new Utf8JsonWriter(outgoing);
        json.WriteStartObject();
        json.WriteString("id", id.ToString(CultureInfo.InvariantCulture));
        json.WriteString("method", "order.place");
        json.WriteStartObject("params");
        foreach (var (key, value, number) in parameters)
        {
            if (number)
            {
                json.WritePropertyName(key);
                json.WriteRawValue(value);
            }
            else
            {
                json.WriteString(key, value);
            }
        }

        json.WriteString("signature", signature);
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>Reads frames until the response to <paramref name="id"/>; anything but status 200 fails the run.</summary>
    private async Task ReceiveResponseAsync(long id, CancellationToken cancellationToken)
    {
        var expected = id.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == incoming.Length)
                {
                    throw new InvalidOperationException("response frame larger than the receive buffer");
                }

                result = await socket.ReceiveAsync(incoming.AsMemory(length), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"the simulator closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
                }

                length += result.Count;
            }
            while (!result.EndOfMessage);

            using var document = JsonDocument.Parse(incoming.AsMemory(0, length));
            var root = document.RootElement;
            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() != expected)
            {
                continue;
            }

            if (!root.TryGetProperty("status", out var status) || status.GetInt32() != 200)
            {
                throw new InvalidOperationException("order.place failed: " + Encoding.UTF8.GetString(incoming, 0, length));
            }

            return;
        }
    }
}
