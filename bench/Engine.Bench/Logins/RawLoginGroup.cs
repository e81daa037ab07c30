using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Engine.Bench.Orders;

namespace Engine.Bench.Logins;

/// <summary>
/// The raw baseline of the <c>logins</c> suite: one <see cref="ClientWebSocket"/> that logs a group of accounts in by
/// hand (all <c>login</c> frames at once, matched to their tokens by <c>cid</c>) and returns once every token reached
/// state 6 (READY). No actors, journal, heartbeats or readiness queries. Keeps the socket open until disposed.
/// </summary>
internal sealed class RawLoginGroup : IAsyncDisposable
{
    private readonly ClientWebSocket socket = new();
    private readonly byte[] buffer = new byte[64 * 1024];

    /// <summary>Connects and logs in every (access key, secret) of <paramref name="accounts"/>; completes when all are READY.</summary>
    public static async Task<RawLoginGroup> LoginAsync(Uri uri, IReadOnlyList<(string Key, string Secret)> accounts, CancellationToken cancellationToken)
    {
        var group = new RawLoginGroup();
        try
        {
            await group.socket.ConnectAsync(uri, cancellationToken);
            for (var i = 0; i < accounts.Count; i++)
            {
                var frame = $"{{\"op\":\"login\",\"cid\":\"{i}\",\"platform\":\"huobi\",\"symbols\":[\"{OrderFlow.Symbol}\"],\"access_key\":\"{accounts[i].Key}\",\"secret_key\":\"{accounts[i].Secret}\"}}";
                await group.socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }

            await group.AwaitReadyAsync(accounts.Count, cancellationToken);
            return group;
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }
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
            // Closing is best effort: the simulator may be gone.
        }

        socket.Dispose();
    }

    private async Task AwaitReadyAsync(int logins, CancellationToken cancellationToken)
    {
        var ready = new HashSet<string>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        while (ready.Count < logins)
        {
            using var frame = JsonDocument.Parse(await ReceiveAsync(cancellationToken));
            var root = frame.RootElement;
            switch (root.GetProperty("op").GetString())
            {
                case "login" when root.TryGetProperty("token", out var token) && token.GetString() is { Length: > 0 } value:
                    tokens.Add(value);
                    break;
                case "login":
                    throw new InvalidOperationException("raw login refused: " + root.GetRawText());
                case "state" when root.GetProperty("code").GetInt32() == 6:
                    ready.Add(root.GetProperty("token").GetString()!);
                    break;
                case "state" when root.GetProperty("code").GetInt32() is 1 or 7:
                    throw new InvalidOperationException("raw login failed: " + root.GetRawText());
            }
        }
    }

    private async Task<ReadOnlyMemory<byte>> ReceiveAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (length == buffer.Length)
            {
                throw new InvalidOperationException("frame larger than the receive buffer");
            }

            result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"the simulator closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            length += result.Count;
        }
        while (!result.EndOfMessage);
        return buffer.AsMemory(0, length);
    }
}
