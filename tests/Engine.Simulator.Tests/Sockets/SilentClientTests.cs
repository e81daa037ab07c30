using System.Net.Sockets;
using System.Text;
using Engine.Simulator.Hosting;
using Engine.Simulator.Market;
using Engine.Simulator.Tests.Support;
using Engine.Simulator.Venues.Binance;
using Engine.Simulator.Venues.QuantGateway;

namespace Engine.Simulator.Tests.Sockets;

/// <summary>
/// Issue 16, item 5, at the venue: a client that upgrades, then never answers the simulator's close frame (the quant
/// gateway's idle close, Binance's connection age) is cut off once the close deadline passes on the venue's clock. The
/// client is raw TCP, so nothing in it answers a close on its behalf.
/// </summary>
public sealed class SilentClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string, int> Venues => new()
    {
        { "quant-gateway", """{"op":"ping","ts":1}""", 16 },
        { "binance", """{"id":"1","method":"ping"}""", 31 },
    };

    [Theory]
    [MemberData(nameof(Venues))]
    public async Task A_client_that_never_answers_the_close_is_disconnected_after_the_close_deadline(string venue, string ping, int secondsUntilClose)
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new SimulatorOptions
        {
            Market = new MarketOptions { TickInterval = TimeSpan.Zero, Seed = 7 },
            QuantGateway = new QuantGatewayOptions { ReadyDelay = TimeSpan.Zero, IdleTimeout = TimeSpan.FromSeconds(15), IdleCheckPeriod = TimeSpan.FromSeconds(1) },
            Binance = new BinanceOptions { MaxConnectionAge = TimeSpan.FromSeconds(30) },
        };
        await using var host = await SimulatorHost.StartAsync(venue, options, timeProvider: clock);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(host.WebSocketUri.Host, host.WebSocketUri.Port).WaitAsync(Timeout);
        var stream = tcp.GetStream();
        await UpgradeAsync(stream, host.WebSocketUri);
        // One request and its reply: the connection is registered with the venue before the clock moves.
        await SendTextAsync(stream, ping);
        await ReadFrameAsync(stream);

        clock.Advance(TimeSpan.FromSeconds(secondsUntilClose));
        await ReadUntilCloseFrameAsync(stream);
        // The close frame arrived and is never answered. The deadline was armed before it was sent.
        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(await EndedAsync(stream), "the simulator kept a connection whose close was never answered");
    }

    private static async Task UpgradeAsync(NetworkStream stream, Uri uri)
    {
        var request = $"GET {uri.AbsolutePath} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request)).AsTask().WaitAsync(Timeout);
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            head.Append((char)await ReadByteAsync(stream));
        }

        Assert.StartsWith("HTTP/1.1 101", head.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Sends one text frame as a client must: masked (with an all-zero key, so the payload is as written).</summary>
    private static async Task SendTextAsync(NetworkStream stream, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        Assert.True(payload.Length < 126);
        byte[] frame = [0x81, (byte)(0x80 | payload.Length), 0, 0, 0, 0, .. payload];
        await stream.WriteAsync(frame).AsTask().WaitAsync(Timeout);
    }

    /// <summary>Reads server frames until the close frame.</summary>
    private static async Task ReadUntilCloseFrameAsync(NetworkStream stream)
    {
        while (await ReadFrameAsync(stream) != 0x8)
        {
        }
    }

    /// <summary>Reads one server frame (unmasked); returns its opcode.</summary>
    private static async Task<int> ReadFrameAsync(NetworkStream stream)
    {
        var first = await ReadByteAsync(stream);
        long length = await ReadByteAsync(stream) & 0x7F;
        if (length == 126)
        {
            length = (await ReadByteAsync(stream) << 8) | await ReadByteAsync(stream);
        }
        else if (length == 127)
        {
            length = 0;
            for (var i = 0; i < 8; i++)
            {
                length = (length << 8) | (uint)await ReadByteAsync(stream);
            }
        }

        for (long i = 0; i < length; i++)
        {
            await ReadByteAsync(stream);
        }

        return first & 0x0F;
    }

    private static async Task<int> ReadByteAsync(NetworkStream stream)
    {
        var one = new byte[1];
        using var timeout = new CancellationTokenSource(Timeout);
        var read = await stream.ReadAsync(one, timeout.Token);
        return read == 1 ? one[0] : throw new IOException("the connection ended");
    }

    /// <summary>True once the server has dropped the connection (end of stream or reset); false when it stays silent.</summary>
    private static async Task<bool> EndedAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            var buffer = new byte[64];
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
