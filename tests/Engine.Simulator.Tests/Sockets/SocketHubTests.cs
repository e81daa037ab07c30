using System.Net.WebSockets;
using System.Text;
using Engine.Simulator.Sockets;
using Engine.Simulator.Tests.Support;

namespace Engine.Simulator.Tests.Sockets;

public sealed class SocketHubTests
{
    private readonly Lock gate = new();

    [Fact]
    public async Task Queued_frames_are_sent_in_order_then_a_normal_close_and_later_frames_are_dropped()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        var session = new TestSession(1, pair.Server);
        var writer = session.RunWriterAsync(CancellationToken.None);

        session.Send("a");
        session.Send("b");
        session.Close();
        session.Send("after close");

        Assert.Equal((WebSocketMessageType.Text, "a"), await pair.ReceiveAsync());
        Assert.Equal((WebSocketMessageType.Text, "b"), await pair.ReceiveAsync());
        Assert.Equal(WebSocketMessageType.Close, (await pair.ReceiveAsync()).Type);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, pair.Client.CloseStatus);
        await writer.WaitAsync(LoopbackWebSockets.Timeout);
        Assert.True(session.Closing);
    }

    [Fact]
    public async Task Text_frames_reach_the_venue_under_the_lock_in_order_and_the_end_removes_the_connection()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        await using var hub = new SocketHub<TestSession>(gate);
        var session = hub.Add(id => new TestSession(id, pair.Server));
        var received = new List<string>();
        var removed = new List<long>();
        var run = hub.RunAsync(
            session,
            (s, frame) =>
            {
                Assert.True(gate.IsHeldByCurrentThread);
                received.Add(Encoding.UTF8.GetString(frame));
                s.Send("echo " + Encoding.UTF8.GetString(frame));
            },
            (_, ex) => Assert.Fail(ex.Message),
            onRemoved: s =>
            {
                Assert.True(gate.IsHeldByCurrentThread);
                removed.Add(s.Id);
            });

        await pair.SendTextAsync("one");
        await pair.Client.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        await pair.SendTextAsync("two");
        Assert.Equal("echo one", (await pair.ReceiveAsync()).Text);
        Assert.Equal("echo two", (await pair.ReceiveAsync()).Text);
        Assert.Equal(1, session.Id);
        lock (gate)
        {
            Assert.Same(session, Assert.Single(hub.Open()));
        }

        await pair.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None);
        await run.WaitAsync(LoopbackWebSockets.Timeout);

        Assert.Equal(["one", "two"], received);
        Assert.Equal([1L], removed);
        Assert.True(session.Closing);
        lock (gate)
        {
            Assert.Empty(hub.All);
        }
    }

    [Fact]
    public async Task A_message_over_the_size_cap_aborts_the_connection_without_reaching_the_venue()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        await using var hub = new SocketHub<TestSession>(gate);
        var session = hub.Add(id => new TestSession(id, pair.Server));
        var handled = 0;
        var run = hub.RunAsync(session, (_, _) => handled++, (_, _) => { });

        var send = pair.Client.SendAsync(new byte[SocketSession.MaxFrameBytes + 1], WebSocketMessageType.Text, true, CancellationToken.None);
        await run.WaitAsync(LoopbackWebSockets.Timeout);

        Assert.Equal(0, handled);
        Assert.True(session.Closing);
        Assert.Equal(WebSocketState.Aborted, pair.Server.State);
        try
        {
            await send.WaitAsync(LoopbackWebSockets.Timeout);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            // The abort may or may not reach the client before its send completes; either is fine here.
        }
    }

    [Fact]
    public async Task Disposing_the_hub_ends_the_run_as_a_failure_and_aborts_the_connection()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        var hub = new SocketHub<TestSession>(gate);
        var session = hub.Add(id => new TestSession(id, pair.Server));
        var failures = new List<Exception>();
        var run = hub.RunAsync(session, (_, _) => { }, (_, ex) => failures.Add(ex));

        await hub.DisposeAsync();
        await run.WaitAsync(LoopbackWebSockets.Timeout);

        Assert.Single(failures);
        Assert.True(session.Closing);
        Assert.Equal(WebSocketState.Aborted, pair.Server.State);
    }

    [Fact]
    public async Task Send_after_queues_the_frame_only_once_the_delay_has_passed()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        var time = new ManualTimeProvider(DateTimeOffset.UnixEpoch);
        var session = new TestSession(1, pair.Server);
        var writer = session.RunWriterAsync(CancellationToken.None);

        session.SendAfter("late", TimeSpan.FromSeconds(2), time);
        session.Send("early");
        time.Advance(TimeSpan.FromSeconds(1));
        session.Send("middle");
        time.Advance(TimeSpan.FromSeconds(1));
        session.Close();

        Assert.Equal("early", (await pair.ReceiveAsync()).Text);
        Assert.Equal("middle", (await pair.ReceiveAsync()).Text);
        Assert.Equal("late", (await pair.ReceiveAsync()).Text);
        Assert.Equal(WebSocketMessageType.Close, (await pair.ReceiveAsync()).Type);
        await writer.WaitAsync(LoopbackWebSockets.Timeout);
    }
}
