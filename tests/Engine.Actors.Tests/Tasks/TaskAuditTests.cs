using System.Numerics;
using Engine.Actors.Audit;
using Engine.Messages;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tests.Tasks;

/// <summary>The task journal's invariants: every command ends, no trade result counts twice, events in their own stream.</summary>
public class TaskAuditTests
{
    private static readonly LoginId Login = new("dbot-1");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private long _seq;

    [Fact]
    public void A_clean_journal_shows_each_command_timeline_and_each_trade()
    {
        var report = Run(
            Issued("c1"), new TaskCommandAccepted(Login, new("c1"), At, "createOrUpdateFollowOrder", ["t1"]),
            Issued("c2"), new TaskCommandUnknown(Login, new("c2"), At, "batchToggleFollowOrder", "no reply"),
            new TaskCommandResolved(Login, new("c2"), At, "batchToggleFollowOrder", TaskResolution.Applied, "1 of 1 listed as disabled", ["t1"]),
            Trade("t1_a"));
        Assert.True(report.IsClean, string.Join("; ", report.Violations));
        Assert.Equal(["accepted", "resolved Applied"], report.Commands.Select(c => c.Final));
        Assert.Equal(3, report.Commands[1].Timeline.Length);
        Assert.Equal("t1_a", Assert.Single(report.Trades).ResultId);

        var text = new StringWriter();
        TaskAuditWriter.WriteTable(report, text);
        Assert.Contains("Tasks: 6 events, 2 task commands (accepted 1, resolved Applied 1), 1 trade results (1 done, 0 failed), 0 violations", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_left_unknown_or_awaiting_its_reply_at_the_end_is_a_violation()
    {
        var report = Run(Issued("c1"), Issued("c2"), new TaskCommandUnknown(Login, new("c2"), At, "batchToggleFollowOrder", "no reply"));
        Assert.Equal(2, report.Violations.Length);
        Assert.Contains(report.Violations, v => v.Subject == "command c1" && v.Message.Contains("(awaiting reply)", StringComparison.Ordinal));
        Assert.Contains(report.Violations, v => v.Subject == "command c2" && v.Message.Contains("(unknown)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_trade_result_recorded_twice_an_orphan_outcome_and_an_event_after_the_end_are_violations()
    {
        var report = Run(
            Trade("t1_a"), Trade("t1_a"),
            new TaskCommandAccepted(Login, new("ghost"), At, "op", []),
            Issued("c1"), new TaskCommandRejected(Login, new("c1"), At, "op", "no"), new TaskCommandAccepted(Login, new("c1"), At, "op", []));
        Assert.Equal(3, report.Violations.Length);
        Assert.Contains("recorded twice", report.Violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("without its TaskCommandIssued", report.Violations[1].Message, StringComparison.Ordinal);
        Assert.Contains("after the command had ended (rejected)", report.Violations[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Order_journals_are_not_task_journals_and_an_event_in_another_logins_stream_is_a_violation()
    {
        var events = new List<AuditedEvent>
        {
            new(1, "orders/dbot-1", 1, Issued("c1")),
            new(2, "tasks/other", 1, Trade("t1_a")),
        };
        var report = TaskAudit.Run(events, AuditFilter.All);
        Assert.Equal(1, report.EventsRead);
        Assert.Contains("stored in the stream of login other", Assert.Single(report.Violations).Message, StringComparison.Ordinal);
    }

    private TaskAuditReport Run(params IEngineEvent[] events) =>
        TaskAudit.Run([.. events.Select(e => new AuditedEvent(++_seq, "tasks/dbot-1", _seq, e))], AuditFilter.All);

    private static TaskCommandIssued Issued(string id) => new(Login, new TaskCommandId(id), At, "batchToggleFollowOrder", ["t1"], "{}");

    private static TradeSucceeded Trade(string id) =>
        new(Login, At, id, "t1", "follow_order", null, "solana", "buy", "tok", "TOK", "w", "sol", BigInteger.One, 9, "tok", BigInteger.One, 6, 1m, BigInteger.Zero, 1, "h", At);
}
