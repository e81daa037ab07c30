using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Engine.Host.Tests.CrashRecovery;

/// <summary>
/// The venue's own view of one quant gateway account, read over a plain WebSocket (login, READY, <c>open_orders</c>,
/// <c>asset</c>): the truth the engine's journal is compared with. The gateway allows one login per account, so this
/// only works while no engine is logged in.
/// </summary>
internal sealed class QuantAccountProbe : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _timeout;
    private string _token = string.Empty;
    private int _cid;

    private QuantAccountProbe(TimeSpan timeout) => _timeout = new CancellationTokenSource(timeout);

    /// <summary>Logs in with <paramref name="accessKey"/> on huobi for <paramref name="symbol"/> and waits for READY (state 6).</summary>
    public static async Task<QuantAccountProbe> LoginAsync(Uri uri, string accessKey, string secretKey, string symbol, TimeSpan timeout)
    {
        var probe = new QuantAccountProbe(timeout);
        try
        {
            await probe._socket.ConnectAsync(uri, probe._timeout.Token);
            var reply = await probe.RequestAsync("login", new Dictionary<string, object>
            {
                ["platform"] = "huobi",
                ["symbols"] = new[] { symbol },
                ["access_key"] = accessKey,
                ["secret_key"] = secretKey,
            });
            probe._token = reply.GetProperty("token").GetString()!;
            while (true)
            {
                var frame = await probe.ReceiveAsync();
                if (frame.GetProperty("op").GetString() == "state" && frame.GetProperty("code").GetInt32() is var code)
                {
                    if (code == 6)
                    {
                        return probe;
                    }

                    if (code is 1 or 7)
                    {
                        throw new InvalidOperationException("probe login failed: " + frame.GetRawText());
                    }
                }
            }
        }
        catch
        {
            await probe.DisposeAsync();
            throw;
        }
    }

    /// <summary>The venue's open orders of <paramref name="symbol"/>: order number → remaining quantity.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> OpenOrdersAsync(string symbol)
    {
        var reply = await RequestAsync("open_orders", new Dictionary<string, object> { ["token"] = _token, ["symbol"] = symbol });
        return reply.GetProperty("data").EnumerateArray()
            .ToDictionary(o => o.GetProperty("order_no").GetString()!, o => o.GetProperty("remain").GetDecimal());
    }

    /// <summary>Total balance per asset (free + locked).</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> BalancesAsync()
    {
        var reply = await RequestAsync("asset", new Dictionary<string, object> { ["token"] = _token });
        return reply.GetProperty("data").EnumerateObject()
            .ToDictionary(a => a.Name, a => a.Value.GetProperty("total").GetDecimal(), StringComparer.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is WebSocketException or TimeoutException)
            {
                // The simulator may already be gone; the socket is disposed below either way.
            }
        }

        _socket.Dispose();
        _timeout.Dispose();
    }

    private async Task<JsonElement> RequestAsync(string op, Dictionary<string, object> fields)
    {
        var cid = (++_cid).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new Dictionary<string, object>(fields) { ["op"] = op, ["cid"] = cid };
        await _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(request), WebSocketMessageType.Text, true, _timeout.Token);
        while (true)
        {
            var frame = await ReceiveAsync();
            if (frame.GetProperty("op").GetString() == op && frame.TryGetProperty("cid", out var echoed) && echoed.GetString() == cid)
            {
                Assert.True(frame.GetProperty("result").GetBoolean(), $"{op} failed: {frame.GetRawText()}");
                return frame;
            }
        }
    }

    private async Task<JsonElement> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, _timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("the simulator closed the probe's socket");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                using var document = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
                return document.RootElement.Clone();
            }
        }
    }
}
