using System.Collections.Immutable;
using System.Globalization;
using Engine.Actors.Tasks;
using Engine.Messages.Tasks;

namespace Engine.Actors.Audit;

/// <summary>
/// Replays the task journals (<c>tasks/&lt;login&gt;</c>, in commit order) and checks their invariants:
/// every command starts with <see cref="TaskCommandIssued"/> and ends accepted, rejected or resolved; none is left
/// unresolved (awaiting its reply, or unknown and never settled) when the journal ends; nothing follows a command's
/// end; every event is stored in its own login's stream; and no trade result is recorded twice. Pure.
/// </summary>
public static class TaskAudit
{
    /// <summary>Audits <paramref name="events"/> (other journals' events are ignored) for the logins and times of <paramref name="filter"/>.</summary>
    public static TaskAuditReport Run(IEnumerable<AuditedEvent> events, AuditFilter filter)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(filter);
        var commands = new Dictionary<(string Login, string Id), (TaskCommandIssued Issued, List<TaskTimelineEntry> Timeline, string Final, bool Ended, string Stream, long Seq)>();
        var trades = new List<TradeResultAudit>();
        var seenTrades = new Dictionary<(string Login, string ResultId), long>();
        var violations = new List<TaskAuditViolation>();
        var read = 0;
        foreach (var stored in events.OrderBy(e => e.Ordering))
        {
            if (stored.Event is not ITaskEvent taskEvent || !stored.PersistenceId.StartsWith(TaskJournal.PersistenceIdPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var streamLogin = stored.PersistenceId[TaskJournal.PersistenceIdPrefix.Length..];
            if (!filter.Includes(new Engine.Messages.Identifiers.LoginId(streamLogin)) || !filter.Includes(taskEvent.Timestamp))
            {
                continue;
            }

            read++;
            var name = taskEvent.GetType().Name;
            if (taskEvent.Login.Value != streamLogin)
            {
                violations.Add(new(stored.PersistenceId, stored.SequenceNr, streamLogin, name, $"event of login {taskEvent.Login} is stored in the stream of login {streamLogin}"));
                continue;
            }

            if (taskEvent is ITradeResult trade)
            {
                if (seenTrades.TryGetValue((streamLogin, trade.ResultId), out var first))
                {
                    violations.Add(new(stored.PersistenceId, stored.SequenceNr, streamLogin, $"trade {trade.ResultId}", $"recorded twice (first at #{first}): a trade result must count once"));
                    continue;
                }

                seenTrades[(streamLogin, trade.ResultId)] = stored.SequenceNr;
                trades.Add(new TradeResultAudit(streamLogin, stored.SequenceNr, trade.Timestamp, trade.ResultId, trade.TaskId, trade is TradeSucceeded, Describe(trade)));
                continue;
            }

            if (taskEvent is not ITaskCommandEvent commandEvent)
            {
                continue;
            }

            var key = (streamLogin, commandEvent.CommandId.Value);
            var entry = new TaskTimelineEntry(stored.SequenceNr, taskEvent.Timestamp, name, Describe(taskEvent));
            if (taskEvent is TaskCommandIssued issued)
            {
                if (commands.ContainsKey(key))
                {
                    violations.Add(new(stored.PersistenceId, stored.SequenceNr, streamLogin, $"command {key.Value}", "issued twice: a command id must be used once"));
                    continue;
                }

                commands[key] = (issued, [entry], "awaiting reply", false, stored.PersistenceId, stored.SequenceNr);
                continue;
            }

            if (!commands.TryGetValue(key, out var command))
            {
                violations.Add(new(stored.PersistenceId, stored.SequenceNr, streamLogin, $"command {key.Value}", $"{name} without its TaskCommandIssued before it"));
                continue;
            }

            command.Timeline.Add(entry);
            if (command.Ended)
            {
                violations.Add(new(stored.PersistenceId, stored.SequenceNr, streamLogin, $"command {key.Value}", $"{name} after the command had ended ({command.Final})"));
                continue;
            }

            commands[key] = taskEvent switch
            {
                TaskCommandAccepted => command with { Final = "accepted", Ended = true },
                TaskCommandRejected r => command with { Final = r.IsLocal ? "rejected locally" : "rejected", Ended = true },
                TaskCommandResolved r => command with { Final = $"resolved {r.Resolution}", Ended = true },
                TaskCommandUnknown => command with { Final = "unknown" },
                _ => command,
            };
        }

        foreach (var ((login, id), command) in commands.Where(c => !c.Value.Ended))
        {
            violations.Add(new(command.Stream, command.Seq, login, $"command {id}", $"{command.Issued.Operation} left unresolved at the end of the journal ({command.Final}): it was never accepted, rejected or settled by listing the tasks"));
        }

        var audits = commands
            .OrderBy(c => c.Value.Seq)
            .Select(c => new TaskCommandAudit(c.Key.Login, c.Key.Id, c.Value.Issued.Operation, c.Value.Issued.TaskIds.IsDefault ? [] : c.Value.Issued.TaskIds, c.Value.Final, c.Value.Ended, [.. c.Value.Timeline]))
            .ToImmutableArray();
        return new TaskAuditReport(read, audits, [.. trades], [.. violations]);
    }

    private static string Describe(ITaskEvent taskEvent) => taskEvent switch
    {
        TaskCommandIssued i => $"{i.Operation} [{string.Join(", ", i.TaskIds.IsDefault ? [] : i.TaskIds)}]",
        TaskCommandAccepted a => a.TaskIds.IsDefaultOrEmpty ? "accepted" : $"accepted [{string.Join(", ", a.TaskIds)}]",
        TaskCommandRejected r => r.Reason,
        TaskCommandUnknown u => u.Reason,
        TaskCommandResolved r => $"{r.Resolution}: {r.Evidence}",
        TradeSucceeded s => string.Create(CultureInfo.InvariantCulture, $"{s.Side} {s.Symbol} done: sent {s.SendAmount} received {s.ReceiveAmount} at {s.PriceUsd} USD, block {s.Block}"),
        TradeFailed f => $"{f.Side} failed {f.ErrorCode}: {f.ErrorMessage}",
        _ => taskEvent.GetType().Name,
    };
}
