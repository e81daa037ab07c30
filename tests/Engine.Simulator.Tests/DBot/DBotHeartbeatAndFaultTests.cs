using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Engine.Simulator.Faults;
using Engine.Simulator.Venues.DBot;

namespace Engine.Simulator.Tests.DBot;

/// <summary>§2.2 idle close (any frame, or Pings only in strict mode) and the fault kinds on the trading socket.</summary>
public class DBotHeartbeatAndFaultTests
{
    [Fact]
    public async Task A_silent_socket_is_closed_with_1001_after_the_idle_timeout_and_a_talking_one_is_kept()
    {
        var (h, clock) = await DBotTestClient.StartAsync(new DBotOptions { ActivityInterval = TimeSpan.Zero, IdleTimeout = TimeSpan.FromSeconds(60) });
        await using var host = h;
        await using var silent = await DBotTestClient.ConnectAsync(host);
        await using var talking = await DBotTestClient.ConnectAsync(host);
        clock.Advance(TimeSpan.FromSeconds(45));
        await talking.CallAsync("listFollowOrders");
        clock.Advance(TimeSpan.FromSeconds(15));
        await silent.WaitClosedAsync();
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, silent.Socket.CloseStatus);
        Assert.False((await talking.CallAsync("listFollowOrders")).GetProperty("err").GetBoolean());
    }

    [Fact]
    public async Task In_strict_mode_only_ping_frames_keep_a_socket_alive()
    {
        var (h, clock) = await DBotTestClient.StartAsync(new DBotOptions { ActivityInterval = TimeSpan.Zero, IdleTimeout = TimeSpan.FromSeconds(60), StrictPing = true });
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        clock.Advance(TimeSpan.FromSeconds(45));
        await client.CallAsync("listFollowOrders");
        clock.Advance(TimeSpan.FromSeconds(15));
        await client.WaitClosedAsync();
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, client.Socket.CloseStatus);
    }

    [Fact]
    public void The_frame_watcher_sees_every_client_frame_header_across_read_boundaries()
    {
        static byte[] Masked(int opcode, int length)
        {
            var header = length < 126 ? new byte[] { (byte)(0x80 | opcode), (byte)(0x80 | length) } : [(byte)(0x80 | opcode), 0x80 | 126, (byte)(length >> 8), (byte)length];
            return [.. header, 1, 2, 3, 4, .. new byte[length]];
        }

        byte[] wire = [.. Masked(0x9, 0), .. Masked(0x1, 300), .. Masked(0xA, 4), .. Masked(0x9, 2)];
        var seen = new List<int>();
        using var stream = new FrameWatchStream(new MemoryStream(wire), seen.Add);
        var buffer = new byte[7];
        while (stream.Read(buffer, 0, buffer.Length) > 0)
        {
        }

        Assert.Equal([0x9, 0x1, 0xA, 0x9], seen);
    }

    [Fact]
    public async Task A_dropped_reply_still_applies_the_batch()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        host.Venue.Faults.Add(new FaultRule { Kind = FaultKind.DropReply, Op = "batchToggleFollowOrder" });
        await using var client = await DBotTestClient.ConnectAsync(host);
        var id = await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));
        await client.SendAsync(new JsonObject { ["id"] = 1, ["method"] = "batchToggleFollowOrder", ["params"] = new JsonObject { ["ids"] = new JsonArray(id), ["enabled"] = false, ["closePnlOrder"] = false } }.ToJsonString());
        var list = (await client.CallAsync("listFollowOrders")).GetProperty("res");
        Assert.False(list[0].GetProperty("enabled").GetBoolean());
        Assert.DoesNotContain(client.Pending(), f => DBotTestClient.IsReply(f, "1"));
    }

    [Fact]
    public async Task Notifications_can_be_interleaved_before_a_reply_and_an_error_reply_can_hide_an_applied_batch()
    {
        var (h, _) = await DBotTestClient.StartAsync();
        await using var host = h;
        await using var client = await DBotTestClient.ConnectAsync(host);
        await client.SubscribeAsync();
        var id = await client.CreateAsync(DBotTestClient.FollowOrder("copy-1"));
        host.Venue.Faults.Add(new FaultRule { Kind = FaultKind.NotifyBeforeReply, Op = "listFollowOrders" });
        await client.SendAsync("""{"id":42,"method":"listFollowOrders","params":{}}""");
        Assert.Equal("tradeResultNotify", (await client.NextAsync()).GetProperty("method").GetString());
        Assert.True(DBotTestClient.IsReply(await client.NextAsync(), "42"));

        host.Venue.Faults.Add(new FaultRule { Kind = FaultKind.UnknownOutcome, Op = "batchToggleFollowOrder" });
        var toggled = await client.CallAsync("batchToggleFollowOrder", new JsonObject { ["ids"] = new JsonArray(id), ["enabled"] = false });
        Assert.True(toggled.GetProperty("err").GetBoolean());
        Assert.False((await client.CallAsync("listFollowOrders")).GetProperty("res")[0].GetProperty("enabled").GetBoolean());

        host.Venue.Faults.Add(new FaultRule { Kind = FaultKind.Disconnect, Op = "listFollowOrders" });
        await client.SendAsync("""{"id":43,"method":"listFollowOrders","params":{}}""");
        await client.WaitClosedAsync();
    }
}
