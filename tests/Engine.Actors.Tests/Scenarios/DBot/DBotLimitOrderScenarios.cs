using System.Collections.Immutable;
using Engine.Messages.Tasks;
using Engine.Simulator.Faults;

namespace Engine.Actors.Tests.Scenarios.DBot;

/// <summary>Limit orders and the TP/SL tasks of follow orders end to end: typed commands, journal, simulator, re-listing.</summary>
public class DBotLimitOrderScenarios : DBotScenarioBase
{
    private const string PopcatPair = "Hkj4kM5ZfpjjL8y6YJEXxWqvMjUbVZMGd2t5xxg2ZrBv";

    [Fact]
    public void Limit_orders_are_created_listed_updated_and_deleted_each_command_journaled_before_it_is_sent()
    {
        StartReady();
        var journal = Subscribe(typeof(ITaskCommandEvent));
        var create = new CreateLimitOrders(Login, NextId(), UtcNow, Spec(0.30m, 0.60m));
        var accepted = Command<TaskCommandAccepted>(create);
        var issued = journal.ExpectMsg<TaskCommandIssued>(Wait);
        Assert.Equal((create.CommandId, "createLimitOrder"), (issued.CommandId, issued.Operation));
        Assert.Contains("\"triggerPriceUsd\":\"0.30\"", issued.Payload, StringComparison.Ordinal);
        Assert.Equal(2, accepted.TaskIds.Length);

        var listed = ListLimits();
        Assert.Equal(accepted.TaskIds.ToHashSet(), listed.Select(t => t.Id).ToHashSet());
        var buy = listed.Single(t => t.Side == "buy");
        Assert.Equal((0.30m, "down", 0.1m, "init", PopcatPair, "sol-main"), (buy.TriggerPriceUsd, buy.TriggerDirection, buy.CurrencyAmountUI, buy.State, buy.Pair, buy.WalletId));
        Assert.Null(buy.Source);
        Assert.Contains("\"maxSlippage\":0.15", buy.Json, StringComparison.Ordinal);

        Command<TaskCommandAccepted>(new UpdateLimitOrder(Login, NextId(), UtcNow, buy.Id, new LimitOrderChanges { TriggerPriceUsd = 0.25m, Enabled = false }));
        var updated = ListLimits().Single(t => t.Id == buy.Id);
        Assert.Equal((0.25m, false, "down"), (updated.TriggerPriceUsd, updated.Enabled, updated.TriggerDirection));

        Command<TaskCommandAccepted>(new DeleteLimitOrders(Login, NextId(), UtcNow, [buy.Id]));
        Assert.Equal(new[] { accepted.TaskIds.Single(i => i != buy.Id) }, ListLimits().Select(t => t.Id).ToArray());

        Connections.Tell(new ListLimitOrders(Login, UtcNow, State: "done"), Strategy.Ref);
        Assert.Empty(Strategy.ExpectMsg<LimitTasksListed>(Wait).Tasks);
    }

    [Fact]
    public void Bad_limit_orders_are_refused_locally_naming_the_field_and_dbot_refusals_keep_their_reason()
    {
        StartReady();
        var sideways = Command<TaskCommandRejected>(new CreateLimitOrders(Login, NextId(), UtcNow, Spec(0.3m, 0.6m) with
        {
            Settings = [new LimitOrderSetting(IsBuy: true, 0.3m, "sideways", 0.1m)],
        }));
        Assert.True(sideways.IsLocal);
        Assert.Contains("settings[0].triggerDirection: 'sideways' must be up or down", sideways.Reason, StringComparison.Ordinal);

        var oversell = Command<TaskCommandRejected>(new CreateLimitOrders(Login, NextId(), UtcNow, Spec(0.3m, 0.6m) with
        {
            Settings = [new LimitOrderSetting(IsBuy: false, 0.6m, "up", 1.5m)],
        }));
        Assert.Contains("fraction in (0, 1]", oversell.Reason, StringComparison.Ordinal);

        var nothing = Command<TaskCommandRejected>(new UpdateLimitOrder(Login, NextId(), UtcNow, "m0000000000zzz", new LimitOrderChanges()));
        Assert.Contains("nothing to change", nothing.Reason, StringComparison.Ordinal);

        var unknown = Command<TaskCommandRejected>(new UpdateLimitOrder(Login, NextId(), UtcNow, "m0000000000zzz", new LimitOrderChanges { Enabled = false }));
        Assert.False(unknown.IsLocal);
        Assert.Contains("m0000000000zzz", unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_create_whose_reply_is_lost_is_resolved_by_listing_and_never_claims_an_identical_order_of_another_command()
    {
        StartReady();
        var earlier = Command<TaskCommandAccepted>(new CreateLimitOrders(Login, NextId(), UtcNow, Spec(0.30m, 0.60m)));
        Venue.Faults.Add(new FaultRule { Kind = FaultKind.DropReply, Op = "createLimitOrder" });

        var command = new CreateLimitOrders(Login, NextId(), UtcNow, Spec(0.30m, 0.60m));
        Connections.Tell(command, Strategy.Ref);
        var unknown = AdvanceUntil<TaskCommandUnknown>(TimeSpan.FromSeconds(1), u => u.CommandId == command.CommandId);
        Assert.Contains("no reply to createLimitOrder", unknown.Reason, StringComparison.Ordinal);
        var resolved = Events.FishForMessage<TaskCommandResolved>(r => r.CommandId == command.CommandId, Wait);

        Assert.Equal(TaskResolution.Applied, resolved.Resolution);
        Assert.Equal(2, resolved.TaskIds.Length);
        Assert.Empty(resolved.TaskIds.Intersect(earlier.TaskIds));
        Assert.Equal(ListLimits().Select(t => t.Id).Except(earlier.TaskIds).ToHashSet(), resolved.TaskIds.ToHashSet());
    }

    [Fact]
    public void Unknown_updates_and_deletes_are_settled_from_the_listed_limit_orders()
    {
        StartReady();
        var ids = Command<TaskCommandAccepted>(new CreateLimitOrders(Login, NextId(), UtcNow, Spec(0.30m, 0.60m))).TaskIds;

        Venue.Faults.Add(new FaultRule { Kind = FaultKind.DropReply, Op = "updateLimitOrder" });
        var update = new UpdateLimitOrder(Login, NextId(), UtcNow, ids[0], new LimitOrderChanges { TriggerPriceUsd = 0.28m });
        Connections.Tell(update, Strategy.Ref);
        AdvanceUntil<TaskCommandUnknown>(TimeSpan.FromSeconds(1), u => u.CommandId == update.CommandId);
        var updated = Events.FishForMessage<TaskCommandResolved>(r => r.CommandId == update.CommandId, Wait);
        Assert.Equal(TaskResolution.Applied, updated.Resolution);
        Assert.Contains("shows every sent field", updated.Evidence, StringComparison.Ordinal);

        Venue.Faults.Add(new FaultRule { Kind = FaultKind.UnknownOutcomeNotExecuted, Op = "deleteLimitOrders" });
        var delete = new DeleteLimitOrders(Login, NextId(), UtcNow, ids);
        Assert.Contains("err: true to a batch call", Command<TaskCommandUnknown>(delete).Reason, StringComparison.Ordinal);
        var kept = Events.FishForMessage<TaskCommandResolved>(r => r.CommandId == delete.CommandId, Wait);
        Assert.Equal((TaskResolution.NotApplied, "0 of 2 listed as gone"), (kept.Resolution, kept.Evidence));
        Assert.Equal(2, ListLimits().Length);
    }

    [Fact]
    public void The_tp_sl_tasks_of_a_follow_order_are_listed_by_its_id()
    {
        StartReady();
        var task = CreateFollowOrder("copy-a");
        var other = CreateFollowOrder("copy-b", enabled: false);
        Assert.Equal(1, Venue.LeaderTrade(Leader, "POPCAT", buy: true));

        Connections.Tell(new ListFollowOrderPnlTasks(Login, UtcNow, task), Strategy.Ref);
        var listed = Strategy.ExpectMsg<LimitTasksListed>(Wait);
        var takeProfit = Assert.Single(listed.Tasks);
        Assert.Equal(("follow_order", task, "sell", "up", "init"), (takeProfit.Source, takeProfit.SourceId, takeProfit.Side, takeProfit.TriggerDirection, takeProfit.State));
        Assert.True(takeProfit.TriggerPriceUsd > 0m);

        Connections.Tell(new ListFollowOrderPnlTasks(Login, UtcNow, other), Strategy.Ref);
        Assert.Empty(Strategy.ExpectMsg<LimitTasksListed>(Wait).Tasks);

        Connections.Tell(new ListFollowOrderPnlTasks(Login, UtcNow, " "), Strategy.Ref);
        Assert.Contains("follow order id", Strategy.ExpectMsg<TaskQueryFailed>(Wait).Reason, StringComparison.Ordinal);
    }

    private static LimitOrderSpec Spec(decimal buyBelow, decimal sellAbove) => new(
        "solana",
        PopcatPair,
        "sol-main",
        [
            new LimitOrderSetting(IsBuy: true, buyBelow, "down", 0.1m) { Fields = ImmutableDictionary<string, string>.Empty.Add("maxSlippage", "0.15") },
            new LimitOrderSetting(IsBuy: false, sellAbove, "up", 0.5m),
        ]);

    private ImmutableArray<LimitTask> ListLimits()
    {
        Connections.Tell(new ListLimitOrders(Login, UtcNow), Strategy.Ref);
        return Strategy.ExpectMsg<LimitTasksListed>(Wait).Tasks;
    }
}
