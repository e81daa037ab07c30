using System.Net.Sockets;
using System.Text;
using Engine.Simulator.Venues.Binance;

namespace Engine.Simulator.Tests.Binance;

/// <summary>§7.1 over a raw TCP WebSocket so that pings are visible: the server pings, accepts pongs, and drops a silent client.</summary>
public class BinanceHeartbeatTests
{
    [Fact]
    public async Task Server_pings_and_drops_a_client_that_never_answers()
    {
        var (h, _) = await BinanceTestClient.StartAsync(new BinanceOptions { PingInterval = TimeSpan.FromMilliseconds(100), PongTimeout = TimeSpan.FromMilliseconds(300) });
        await using var host = h;
        using var raw = await RawClient.ConnectAsync(host.Port);
        var (opcode, payload) = await raw.ReadFrameAsync();
        Assert.Equal(0x9, opcode);
        Assert.NotNull(payload);
        while (await raw.TryReadFrameAsync() is { } frame)
        {
            Assert.Equal(0x9, frame.Opcode);
        }
    }

    [Fact]
    public async Task Pongs_with_the_ping_payload_keep_the_connection_open_past_the_timeout()
    {
        var (h, _) = await BinanceTestClient.StartAsync(new BinanceOptions { PingInterval = TimeSpan.FromMilliseconds(50), PongTimeout = TimeSpan.FromSeconds(1) });
        await using var host = h;
        using var raw = await RawClient.ConnectAsync(host.Port);
        for (var i = 0; i < 40; i++)
        {
            var (opcode, payload) = await raw.ReadFrameAsync();
            Assert.Equal(0x9, opcode);
            await raw.WriteFrameAsync(0xA, payload);
        }

        await raw.WriteFrameAsync(0x1, Encoding.UTF8.GetBytes("""{"id":1,"method":"ping"}"""));
        while (true)
        {
            var (opcode, payload) = await raw.ReadFrameAsync();
            if (opcode == 0x1)
            {
                Assert.Contains("\"status\":200", Encoding.UTF8.GetString(payload), StringComparison.Ordinal);
                break;
            }

            await raw.WriteFrameAsync(0xA, payload);
        }
    }

    private sealed class RawClient : IDisposable
    {
        private readonly TcpClient tcp;
        private readonly NetworkStream stream;

        private RawClient(TcpClient tcp)
        {
            this.tcp = tcp;
            stream = tcp.GetStream();
        }

        public static async Task<RawClient> ConnectAsync(int port)
        {
            var tcp = new TcpClient();
            using var cts = new CancellationTokenSource(BinanceTestClient.Timeout);
            await tcp.ConnectAsync("127.0.0.1", port, cts.Token);
            var client = new RawClient(tcp);
            var request = $"GET /ws-api/v3 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            await client.stream.WriteAsync(Encoding.ASCII.GetBytes(request), cts.Token);
            var header = new StringBuilder();
            while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                header.Append((char)await client.ReadByteAsync(cts.Token));
            }

            Assert.StartsWith("HTTP/1.1 101", header.ToString(), StringComparison.Ordinal);
            return client;
        }

        public async Task<(int Opcode, byte[] Payload)> ReadFrameAsync() =>
            await TryReadFrameAsync() ?? throw new InvalidOperationException("connection closed");

        /// <summary>Next frame, or null once the server has closed or dropped the connection.</summary>
        public async Task<(int Opcode, byte[] Payload)?> TryReadFrameAsync()
        {
            using var cts = new CancellationTokenSource(BinanceTestClient.Timeout);
            try
            {
                var b0 = await ReadByteAsync(cts.Token);
                var b1 = await ReadByteAsync(cts.Token);
                long length = b1 & 0x7F;
                if (length == 126)
                {
                    length = (await ReadByteAsync(cts.Token) << 8) | await ReadByteAsync(cts.Token);
                }
                else if (length == 127)
                {
                    length = 0;
                    for (var i = 0; i < 8; i++)
                    {
                        length = (length << 8) | (long)await ReadByteAsync(cts.Token);
                    }
                }

                var payload = new byte[length];
                await stream.ReadExactlyAsync(payload, cts.Token);
                return (b0 & 0x0F) == 0x8 ? null : (b0 & 0x0F, payload);
            }
            catch (Exception ex) when (ex is EndOfStreamException or IOException)
            {
                return null;
            }
        }

        /// <summary>Writes one masked client frame.</summary>
        public async Task WriteFrameAsync(int opcode, byte[] payload)
        {
            var frame = new List<byte> { (byte)(0x80 | opcode) };
            if (payload.Length < 126)
            {
                frame.Add((byte)(0x80 | payload.Length));
            }
            else
            {
                frame.Add(0x80 | 126);
                frame.Add((byte)(payload.Length >> 8));
                frame.Add((byte)payload.Length);
            }

            byte[] mask = [1, 2, 3, 4];
            frame.AddRange(mask);
            frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
            using var cts = new CancellationTokenSource(BinanceTestClient.Timeout);
            await stream.WriteAsync(frame.ToArray(), cts.Token);
        }

        public void Dispose() => tcp.Dispose();

        private async Task<int> ReadByteAsync(CancellationToken cancellationToken)
        {
            var one = new byte[1];
            await stream.ReadExactlyAsync(one, cancellationToken);
            return one[0];
        }
    }
}
