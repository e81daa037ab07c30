using System.Net.WebSockets;
using Engine.Simulator.Sockets;
using Engine.Simulator.Tests.Support;

namespace Engine.Simulator.Tests.Sockets;

/// <summary>
/// Issue 16, item 5: a client that stops reading, or never answers the close frame, is aborted once a deadline on the
/// venue's clock passes instead of staying connected forever. Real loopback sockets; time only moves when the test says.
/// </summary>
public sealed class SocketDeadlineTests
{
    private readonly Lock gate = new();
    private readonly ManualTimeProvider time = new(DateTimeOffset.UnixEpoch);

    private SocketDeadlines Deadlines => new(time) { Send = TimeSpan.FromSeconds(10), Close = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task A_client_that_never_answers_the_close_frame_is_aborted_after_the_close_deadline()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        await using var hub = new SocketHub<TestSession>(gate, Deadlines);
        var session = hub.Add(id => new TestSession(id, pair.Server));
        var run = hub.RunAsync(session, (_, _) => { }, (_, _) => { });

        session.Close();
        Assert.Equal(WebSocketMessageType.Close, (await pair.ReceiveAsync()).Type);
        // The client has read the close frame and does not answer it: the simulator waits, on its clock only.
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(run.IsCompleted, "the connection ended before its close deadline");

        time.Advance(TimeSpan.FromSeconds(1));
        await run.WaitAsync(LoopbackWebSockets.Timeout);

        Assert.Equal(WebSocketState.Aborted, pair.Server.State);
        lock (gate)
        {
            Assert.Empty(hub.All);
        }
    }

    [Fact]
    public async Task A_client_that_answers_the_close_frame_ends_normally_and_the_deadline_does_nothing_later()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        await using var hub = new SocketHub<TestSession>(gate, Deadlines);
        var session = hub.Add(id => new TestSession(id, pair.Server));
        var run = hub.RunAsync(session, (_, _) => { }, (_, _) => { });

        session.Close();
        Assert.Equal(WebSocketMessageType.Close, (await pair.ReceiveAsync()).Type);
        await pair.Client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None).WaitAsync(LoopbackWebSockets.Timeout);
        await run.WaitAsync(LoopbackWebSockets.Timeout);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(WebSocketState.Closed, pair.Server.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, pair.Server.CloseStatus);
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_aborted_when_a_send_misses_its_deadline()
    {
        using var pair = await LoopbackWebSockets.ConnectAsync();
        var session = new TestSession(1, pair.Server);
        var writer = session.RunWriterAsync(Deadlines, CancellationToken.None);

        // Far more than the loopback socket buffers hold: the writer stalls in a send the client never drains.
        var frame = new string('x', 1 << 20);
        for (var i = 0; i < 64; i++)
        {
            session.Send(frame);
        }

        // Time moves only here; each step passes the deadline of whatever send is pending. Bounded, not a sleep.
        for (var step = 0; step < 200 && !writer.IsCompleted; step++)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.WhenAny(writer, Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System));
        }

        await writer.WaitAsync(LoopbackWebSockets.Timeout);
        Assert.Equal(WebSocketState.Aborted, pair.Server.State);
    }
}
