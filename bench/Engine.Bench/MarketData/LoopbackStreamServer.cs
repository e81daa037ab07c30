using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Engine.Bench.MarketData;

/// <summary>
/// A bench-only WebSocket producer on 127.0.0.1: a raw socket server that answers the upgrade (RFC 6455 §4.2.2) and then
/// replays pre-encoded server frames (unmasked text frames) as fast as the client takes them: whole blocks of frames per
/// socket write, so the producer costs next to nothing and TCP's flow control paces it to the consumer. One client per
/// replay. With <c>waitForSubscribe</c> the replay starts on <see cref="Go"/> after the client's first text frame (the
/// feed's <c>SUBSCRIBE</c>), which is answered as Binance does (<c>{"result":null,"id":…}</c>); otherwise at
/// <see cref="Go"/> alone. Client frames after that are read and discarded (pings are answered by nothing: the
/// replay is short).
/// </summary>
public sealed class LoopbackStreamServer : IAsyncDisposable
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _block;
    private readonly int _blocks;
    private readonly byte[] _last;
    private readonly bool _waitForSubscribe;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;

    private LoopbackStreamServer(byte[] block, int blocks, byte[] last, bool waitForSubscribe)
    {
        _block = block;
        _blocks = blocks;
        _last = last;
        _waitForSubscribe = waitForSubscribe;
    }

    /// <summary>The server's address (<c>ws://127.0.0.1:port</c>).</summary>
    public Uri Uri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>Completes when the client's first text frame came and was answered.</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>Frames the replay sends: <c>blocks</c> times the block's frames, then the last one.</summary>
    public long Frames { get; private init; }

    /// <summary>
    /// Listens and serves one client: <paramref name="blocks"/> times the frames of <paramref name="blockPayloads"/>, then
    /// <paramref name="lastPayload"/> (the marker the consumer waits for).
    /// </summary>
    public static LoopbackStreamServer Start(IReadOnlyList<byte[]> blockPayloads, int blocks, byte[] lastPayload, bool waitForSubscribe)
    {
        var block = blockPayloads.SelectMany(Frame).ToArray();
        var server = new LoopbackStreamServer(block, blocks, Frame(lastPayload), waitForSubscribe) { Frames = ((long)blockPayloads.Count * blocks) + 1 };
        server._listener.Start();
        server._serving = Task.Run(server.ServeAsync);
        return server;
    }

    /// <summary>Starts the replay (after the subscription, when the server waits for one).</summary>
    public void Go() => _go.TrySetResult();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The client went away or the server stopped: the replay is over either way.
        }

        _stop.Dispose();
    }

    /// <summary>One unmasked server text frame (FIN, opcode 1) carrying <paramref name="payload"/>.</summary>
    private static byte[] Frame(byte[] payload)
    {
        var header = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var frame = new byte[header + payload.Length];
        frame[0] = 0x81;
        if (header == 2)
        {
            frame[1] = (byte)payload.Length;
        }
        else if (header == 4)
        {
            frame[1] = 126;
            frame[2] = (byte)(payload.Length >> 8);
            frame[3] = (byte)payload.Length;
        }
        else
        {
            frame[1] = 127;
            for (var i = 0; i < 8; i++)
            {
                frame[9 - i] = (byte)((long)payload.Length >> (8 * i));
            }
        }

        payload.CopyTo(frame, header);
        return frame;
    }

    private async Task ServeAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
        client.NoDelay = true;
        var stream = client.GetStream();
        await HandshakeAsync(stream, _stop.Token);
        var reading = Task.Run(() => ReadClientAsync(stream, _stop.Token));
        if (_waitForSubscribe)
        {
            await _subscribed.Task.WaitAsync(_stop.Token);
        }

        await _go.Task.WaitAsync(_stop.Token);
        for (var i = 0; i < _blocks; i++)
        {
            await stream.WriteAsync(_block, _stop.Token);
        }

        await stream.WriteAsync(_last, _stop.Token);
        await reading;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350:Do not use weak cryptographic algorithms", Justification = "RFC 6455 §4.2.2 defines Sec-WebSocket-Accept as the SHA-1 of the key; it is a handshake check, not security.")]
    private static async Task HandshakeAsync(NetworkStream stream, CancellationToken ct)
    {
        var request = new List<byte>();
        var one = new byte[1];
        while (request.Count < 4 || !(request[^4] == '\r' && request[^3] == '\n' && request[^2] == '\r' && request[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                throw new IOException("the client closed before its upgrade request ended");
            }

            request.Add(one[0]);
        }

        var key = Encoding.ASCII.GetString([.. request]).Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault() ?? throw new IOException("the upgrade request has no Sec-WebSocket-Key");
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid)));
        var response = $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(response), ct);
    }

    /// <summary>Reads client frames (masked, RFC 6455 §5.2); answers the first text frame; stops at a close frame or the end.</summary>
    private async Task ReadClientAsync(NetworkStream stream, CancellationToken ct)
    {
        var header = new byte[14];
        while (true)
        {
            if (!await FillAsync(stream, header.AsMemory(0, 2), ct))
            {
                return;
            }

            var opcode = header[0] & 0x0F;
            long length = header[1] & 0x7F;
            if (length == 126)
            {
                await FillAsync(stream, header.AsMemory(2, 2), ct);
                length = (header[2] << 8) | header[3];
            }
            else if (length == 127)
            {
                await FillAsync(stream, header.AsMemory(2, 8), ct);
                length = 0;
                for (var i = 2; i < 10; i++)
                {
                    length = (length << 8) | header[i];
                }
            }

            var mask = new byte[4];
            if ((header[1] & 0x80) != 0)
            {
                await FillAsync(stream, mask, ct);
            }

            var payload = new byte[length];
            await FillAsync(stream, payload, ct);
            for (var i = 0; i < payload.Length; i++)
            {
                payload[i] ^= mask[i % 4];
            }

            if (opcode == 8)
            {
                return;
            }

            if (opcode == 1 && !_subscribed.Task.IsCompleted)
            {
                var text = Encoding.UTF8.GetString(payload);
                var idAt = text.IndexOf("\"id\":", StringComparison.Ordinal);
                var id = idAt < 0 ? "null" : new string([.. text[(idAt + 5)..].TakeWhile(c => c != ',' && c != '}')]);
                await stream.WriteAsync(Frame(Encoding.UTF8.GetBytes($$"""{"result":null,"id":{{id}}}""")), ct);
                _subscribed.TrySetResult();
            }
        }
    }

    private static async Task<bool> FillAsync(NetworkStream stream, Memory<byte> buffer, CancellationToken ct)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[read..], ct);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }
}
