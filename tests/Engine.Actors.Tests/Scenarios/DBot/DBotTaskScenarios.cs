using System.Text.Json.Nodes;
using Engine.Messages.Connectivity;
using Engine.Messages.Tasks;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios.DBot;

/// <summary>Follow orders end to end: connection, task book journal, simulator; unknown outcomes settled by re-listing.</summary>
public class DBotTaskScenarios : DBotScenarioBase
{
    [Fact]
    public void Create_list_toggle_and_delete_follow_orders()
    {
        StartReady();
        var a = CreateFollowOrder("copy-a");
        var b = CreateFollowOrder("copy-b");
        Assert.Equal(["copy-a", "copy-b"], List().Select(o => o.Name));

        var toggled = Command<TaskCommandAccepted>(new ToggleFollowOrders(Login, NextId(), UtcNow, [a, b], Enabled: false));
        Assert.Equal(new[] { a, b }, toggled.TaskIds.ToArray());
        Assert.All(List(), o => Assert.False(o.Enabled));
        Assert.All(Venue.FollowOrdersOf("demo-dbot"), o => Assert.False((bool)o["enabled"]!));

        Command<TaskCommandAccepted>(new SetFollowOrderEnabled(Login, NextId(), UtcNow, a, Enabled: true));
        Assert.True(List().Single(o => o.Id == a).Enabled);

        Command<TaskCommandAccepted>(new DeleteFollowOrders(Login, NextId(), UtcNow, [a, b]));
        Assert.Empty(List());
    }

    [Fact]
    public void A_drain_answers_at_once_with_nothing_left_behind_when_no_task_command_is_open()
    {
        StartReady();
        CreateFollowOrder("copy-a");

        var answer = CreateTestProbe();
        Connections.Tell(new Engine.Actors.Connections.DrainConnections(CancelWorkingOrders: true), answer.Ref);
        var drained = AdvanceUntil<Engine.Actors.Connections.ConnectionsDrained>(TimeSpan.FromMilliseconds(250), _ => true, maxSteps: 8, probe: answer);

        Assert.Equal(new[] { Login }, drained.Drained.ToArray());
        Assert.Empty(drained.NotDrained);
        Assert.True(drained.Leftovers.IsEmpty || drained.Leftovers.Values.All(l => l.IsEmpty), string.Join("; ", drained.Leftovers.Values.SelectMany(l => l)));
    }

    [Fact]
    public void A_command_is_journaled_as_issued_before_its_outcome_and_a_bad_one_is_refused_locally()
    {
        StartReady();
        var probe = Subscribe(typeof(ITaskCommandEvent));
        var id = NextId();
        Connections.Tell(new CreateFollowOrder(Login, id, UtcNow, Spec("copy-a")), Strategy.Ref);
        var issued = probe.ExpectMsg<TaskCommandIssued>(Wait);
        Assert.Equal(id, issued.CommandId);
        Assert.Contains("\"maxBuyAmountUI\":\"0.5\"", issued.Payload, StringComparison.Ordinal);
        probe.ExpectMsg<TaskCommandAccepted>(Wait);

        var bad = new ToggleFollowOrders(Login, NextId(), UtcNow, [], Enabled: true);
        Connections.Tell(bad, Strategy.Ref);
        var refused = Strategy.ExpectMsg<TaskCommandRejected>(Wait);
        Assert.True(refused.IsLocal);
        Assert.Contains("at least one non-empty DBot task id", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(bad.CommandId, probe.ExpectMsg<TaskCommandIssued>(Wait).CommandId);
        probe.ExpectMsg<TaskCommandRejected>(Wait);
    }

    [Fact]
    public void A_single_call_refused_by_dbot_is_rejected_with_its_reason()
    {
        StartReady();
        var rejected = Command<TaskCommandRejected>(new SetFollowOrderEnabled(Login, NextId(), UtcNow, "m0000000000zzz", Enabled: true));
        Assert.False(rejected.IsLocal);
        Assert.Contains("m0000000000zzz", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edit_is_read_modify_write_and_keeps_every_field()
    {
        StartReady();
        var id = CreateFollowOrder("copy-a");
        var before = JsonNode.Parse(List().Single().Json)!.AsObject();
        Assert.Equal(0.2m, before["buySettings"]!["maxSlippage"]!.GetValue<decimal>());

        Command<TaskCommandAccepted>(new EditFollowOrder(Login, NextId(), UtcNow, id, new FollowOrderChanges { Name = "copy-renamed", MaxBuyAmountUI = 0.75m }));

        var after = JsonNode.Parse(List().Single().Json)!.AsObject();
        Assert.Equal("copy-renamed", (string?)after["name"]);
        Assert.Equal("0.75", (string?)after["buySettings"]!["maxBuyAmountUI"]);
        Assert.True((bool)after["enabled"]!);
        Assert.Equal(0.2m, after["buySettings"]!["maxSlippage"]!.GetValue<decimal>());
        Assert.Equal("0.5", (string?)after["sellSettings"]!["stopEarnPercent"]?.ToJsonString().Trim('"'));
        foreach (var key in new[] { "chain", "targetIds", "walletId", "tokenBlacklist", "dexFilter" })
        {
            Assert.True(JsonNode.DeepEquals(before[key], after[key]), key);
        }
    }

    [Fact]
    public void A_dropped_reply_to_a_batch_toggle_is_resolved_by_listing_the_tasks_again()
    {
        StartReady();
        var a = CreateFollowOrder("copy-a");
        var b = CreateFollowOrder("copy-b");
        Venue.Faults.Add(new FaultRule { Kind = FaultKind.DropReply, Op = "batchToggleFollowOrder" });

        var command = new ToggleFollowOrders(Login, NextId(), UtcNow, [a, b], Enabled: false, ClosePnlOrders: true);
        Connections.Tell(command, Strategy.Ref);
        var unknown = AdvanceUntil<TaskCommandUnknown>(TimeSpan.FromSeconds(1), u => u.CommandId == command.CommandId);
        Assert.Contains("no reply to batchToggleFollowOrder", unknown.Reason, StringComparison.Ordinal);
        var resolved = Events.FishForMessage<TaskCommandResolved>(r => r.CommandId == command.CommandId, Wait);
        Assert.Equal(TaskResolution.Applied, resolved.Resolution);
        Assert.Equal("2 of 2 listed as disabled", resolved.Evidence);
    }

    [Fact]
    public void An_error_on_a_batch_is_not_taken_as_a_refusal_the_tasks_are_listed_to_learn_what_was_applied()
    {
        StartReady();
        var a = CreateFollowOrder("copy-a");
        Venue.Faults.Add(new FaultRule { Kind = FaultKind.UnknownOutcome, Op = "deleteFollowOrders" });
        var command = new DeleteFollowOrders(Login, NextId(), UtcNow, [a]);
        var unknown = Command<TaskCommandUnknown>(command);
        Assert.Contains("err: true to a batch call", unknown.Reason, StringComparison.Ordinal);
        var resolved = Events.FishForMessage<TaskCommandResolved>(r => r.CommandId == command.CommandId, Wait);
        Assert.Equal(TaskResolution.Applied, resolved.Resolution);

        Venue.Faults.Add(new FaultRule { Kind = FaultKind.UnknownOutcomeNotExecuted, Op = "batchToggleFollowOrder" });
        var b = CreateFollowOrder("copy-b");
        var toggle = new ToggleFollowOrders(Login, NextId(), UtcNow, [b], Enabled: false);
        Command<TaskCommandUnknown>(toggle);
        Assert.Equal(TaskResolution.NotApplied, Events.FishForMessage<TaskCommandResolved>(r => r.CommandId == toggle.CommandId, Wait).Resolution);
    }

    [Fact]
    public void A_wrong_api_key_stops_the_login_with_a_clear_error_instead_of_retrying()
    {
        StartEngine(DBotLogin(apiKey: "not-a-dbot-key"));
        var stopped = ExpectState(ConnectionState.Stopped);
        Assert.True(stopped.IsFatal);
        Assert.Contains("HTTP 401", stopped.VenueText, StringComparison.Ordinal);
        Assert.Contains("dbot.api-key", stopped.VenueText, StringComparison.Ordinal);
    }
}
