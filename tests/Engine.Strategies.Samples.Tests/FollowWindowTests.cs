using System.Globalization;
using Akka.TestKit;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;
using Engine.TestKit;

namespace Engine.Strategies.Samples.Tests;

/// <summary>The follow-window sample in a <see cref="StrategyHarness"/> on virtual time: a probe plays the connections actor.</summary>
public class FollowWindowTests : EngineTestKit
{
    private static readonly LoginId Login = new("dbot-1");
    private readonly StrategyHarness _harness;
    private readonly TestProbe _connections;
    private readonly TimeSpan _opensAt;

    public FollowWindowTests()
    {
        // The window opens two minutes after the virtual clock's start (rounded to a whole minute) and lasts ten minutes.
        var now = UtcNow;
        Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.Ticks % TimeSpan.TicksPerMinute));
        _opensAt = UtcNow.AddMinutes(2).UtcDateTime.TimeOfDay;
        var closesAt = UtcNow.AddMinutes(12).UtcDateTime.TimeOfDay;
        var parameters = $"""
            chain = solana
            wallet-id = sol-main
            leaders = ["leader-a", "leader-b"]
            max-buy-amount-ui = 0.25
            stop-earn-percent = 0.5
            name-prefix = window
            window-start = "{_opensAt.ToString(@"hh\:mm", CultureInfo.InvariantCulture)}"
            window-end = "{closesAt.ToString(@"hh\:mm", CultureInfo.InvariantCulture)}"
            check-interval = 30s
            """;
        _harness = new StrategyHarness(this, "fw", [Login], parameters, "fw.conf");
        _connections = _harness.Connections;
    }

    [Fact]
    public void Creates_missing_follow_orders_disabled_then_enables_them_only_while_the_window_is_open()
    {
        _harness.Start<FollowWindow>();
        Assert.Equal("solana", _connections.ExpectMsg<ListFollowOrders>().Chain);
        _connections.Reply(new FollowOrdersListed(Login, UtcNow, [new FollowOrder("t-old", "window-1", "solana", Enabled: true, "sol-main", ["leader-a"], "{}")]));

        var create = _connections.ExpectMsg<CreateFollowOrder>();
        Assert.Equal(("window-2", false, 0.25m, 0.5m), (create.Spec.Name, create.Spec.Enabled, create.Spec.MaxBuyAmountUI, create.Spec.StopEarnPercent));
        Assert.Equal(["leader-b"], create.Spec.TargetIds.ToArray());
        _harness.Publish(new TaskCommandAccepted(Login, create.CommandId, UtcNow, DBotCreate, ["t-new"]));

        // Closed: the adopted task that is enabled gets disabled, with its TP/SL tasks.
        Advance(TimeSpan.FromSeconds(30));
        var close = _connections.ExpectMsg<ToggleFollowOrders>();
        Assert.Equal((false, true), (close.Enabled, close.ClosePnlOrders));
        Assert.Equal(["t-old"], close.TaskIds.ToArray());
        _harness.Publish(new TaskCommandAccepted(Login, close.CommandId, UtcNow, "batchToggleFollowOrder", close.TaskIds));
        Advance(TimeSpan.FromSeconds(30));
        _connections.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // Open: both are enabled in one batch; an unknown outcome waits for the engine's resolution.
        Advance(TimeSpan.FromMinutes(1));
        var open = _connections.FishForMessage<ToggleFollowOrders>(_ => true);
        Assert.True(open.Enabled);
        Assert.Equal(["t-new", "t-old"], open.TaskIds.Order(StringComparer.Ordinal).ToArray());
        _harness.Publish(new TaskCommandUnknown(Login, open.CommandId, UtcNow, "batchToggleFollowOrder", "no reply"));
        Advance(TimeSpan.FromSeconds(30));
        _connections.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        _harness.Publish(new TaskCommandResolved(Login, open.CommandId, UtcNow, "batchToggleFollowOrder", TaskResolution.Applied, "2 of 2 listed as enabled", open.TaskIds));
        Advance(TimeSpan.FromMinutes(5));
        _connections.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // Closed again after ten minutes.
        Advance(TimeSpan.FromMinutes(5));
        var closeAgain = _connections.FishForMessage<ToggleFollowOrders>(_ => true);
        Assert.False(closeAgain.Enabled);
        Assert.Equal(2, closeAgain.TaskIds.Length);
    }

    [Fact]
    public void A_refused_toggle_makes_it_read_the_tasks_again()
    {
        _harness.Start<FollowWindow>();
        _connections.ExpectMsg<ListFollowOrders>();
        _connections.Reply(new FollowOrdersListed(Login, UtcNow, [
            new FollowOrder("t1", "window-1", "solana", Enabled: true, "sol-main", ["leader-a"], "{}"),
            new FollowOrder("t2", "window-2", "solana", Enabled: false, "sol-main", ["leader-b"], "{}")]));
        Advance(TimeSpan.FromSeconds(30));
        var close = _connections.ExpectMsg<ToggleFollowOrders>();
        _harness.Publish(new TaskCommandRejected(Login, close.CommandId, UtcNow, "batchToggleFollowOrder", "unknown follow order id(s): t1"));
        _connections.ExpectMsg<ListFollowOrders>();
    }

    private const string DBotCreate = "createOrUpdateFollowOrder";
}
