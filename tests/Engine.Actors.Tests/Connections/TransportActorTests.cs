using System.Net.WebSockets;
using System.Text;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Engine.Actors.Tests.Connections;

/// <summary>The transport against a real Kestrel WebSocket peer on loopback that sends what each test gives it.</summary>
public sealed class TransportActorTests : EngineTestKit, IAsyncLifetime
{
    private readonly List<(WebSocketMessageType Type, byte[] Bytes)> _frames = [];
    private bool _closeAfterFrames;
    private WebApplication? _peer;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _peer = builder.Build();
        _peer.UseWebSockets();
        _peer.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            foreach (var (type, bytes) in _frames)
            {
                await socket.SendAsync(bytes, type, endOfMessage: true, context.RequestAborted);
            }

            if (_closeAfterFrames)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "enough", context.RequestAborted);
            }

            var buffer = new byte[64];
            while (!(await socket.ReceiveAsync(buffer, context.RequestAborted)).CloseStatus.HasValue)
            {
            }
        });
        await _peer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }

    private Uri Endpoint
    {
        get
        {
            var address = _peer!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws");
        }
    }

    [Fact]
    public void Every_data_frame_reaches_the_owner_byte_for_byte_in_order_after_connected()
    {
        var text = Encoding.UTF8.GetBytes("{\"op\":\"notify\",\"text\":\"h\u00e9llo \u2713 \ud83d\ude80\"}");
        var binary = new byte[] { 0xff, 0x00, 0x7b };
        _frames.Add((WebSocketMessageType.Text, text));
        _frames.Add((WebSocketMessageType.Binary, binary));
        _frames.Add((WebSocketMessageType.Text, "{}"u8.ToArray()));
        var transport = Sys.ActorOf(TransportActor.Props(owner: TestActor));

        transport.Tell(new TransportActor.Connect(Endpoint, Generation: 4));

        Assert.Equal(4, ExpectMsg<TransportActor.Connected>(TimeSpan.FromSeconds(10)).Generation);
        var first = ExpectMsg<TransportActor.FrameReceived>();
        Assert.Equal(4, first.Generation);
        Assert.Equal(text, first.Frame);

        // The library, its text conversion off, no longer tells binary from text: a binary frame reaches the codec
        // like any other, and the codec reports what it cannot read.
        Assert.Equal(binary, ExpectMsg<TransportActor.FrameReceived>().Frame);
        Assert.Equal("{}"u8.ToArray(), ExpectMsg<TransportActor.FrameReceived>().Frame);
    }

    [Fact]
    public void A_stream_of_frames_arrives_whole_and_in_order_and_nothing_follows_the_close()
    {
        // The first frames may reach the actor before the socket is reported open, the later ones go to the owner
        // directly: the order holds across the switch, and the close ends the stream.
        const int count = 300;
        for (var i = 0; i < count; i++)
        {
            _frames.Add((WebSocketMessageType.Text, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}")));
        }

        _closeAfterFrames = true;
        var transport = Sys.ActorOf(TransportActor.Props(owner: TestActor));

        transport.Tell(new TransportActor.Connect(Endpoint, Generation: 1));

        ExpectMsg<TransportActor.Connected>(TimeSpan.FromSeconds(10));
        for (var i = 0; i < count; i++)
        {
            var frame = ExpectMsg<TransportActor.FrameReceived>();
            Assert.Equal($"{{\"n\":{i}}}", Encoding.UTF8.GetString(frame.Frame));
            Assert.Equal(transport, LastSender);
        }

        var closed = ExpectMsg<TransportActor.Closed>();
        Assert.Equal((1, WebSocketCloseStatus.PolicyViolation), (closed.Generation, closed.Status));
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }
}
