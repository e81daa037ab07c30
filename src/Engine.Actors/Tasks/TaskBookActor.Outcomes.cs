using System.Text.Json;
using Engine.Actors.Venues;
using Engine.Actors.Venues.DBot;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>Replies to commands and trade-result pushes.</summary>
public sealed partial class TaskBookActor
{
    private void OnOutcome(VenueRequestOutcome outcome)
    {
        switch (outcome.Context)
        {
            case CommandContext command:
                OnCommandOutcome(command, outcome);
                break;
            case ListingContext listing:
                OnListingPage(listing, outcome);
                break;
            case SwapQueryContext swap:
                OnSwapAnswered(swap, outcome);
                break;
            case ReadContext read:
                OnReadPage(read, outcome);
                break;
        }
    }

    private void OnCommandOutcome(CommandContext context, VenueRequestOutcome outcome)
    {
        if (_book.Find(context.Id) is not { IsUnknown: false } open)
        {
            return;
        }

        var issued = open.Issued;
        var now = outcome.At;
        switch (outcome.Reply)
        {
            case DBotRpcReply { Err: false } ok when IsCreate(issued):
                if (CreatedId(ok.ResJson) is { } created)
                {
                    Record(new TaskCommandAccepted(_login, issued.CommandId, now, issued.Operation, [created]));
                }
                else
                {
                    MarkUnknown(issued, "accepted, but the reply carried no task id: finding the task by its name");
                }

                break;
            case DBotRpcReply { Err: false } ok when issued.Operation == DBotWire.CreateLimitOrder:
                if (DBotMapper.CreatedIds(ok.ResJson) is { IsEmpty: false } createdIds)
                {
                    Record(new TaskCommandAccepted(_login, issued.CommandId, now, issued.Operation, createdIds));
                }
                else
                {
                    MarkUnknown(issued, "accepted, but the reply carried no task ids: finding the limit orders by listing");
                }

                break;
            case DBotRpcReply { Err: false } ok when issued.Operation == DBotWire.CreateSwapOrder:
                Record(new TaskCommandAccepted(_login, issued.CommandId, now, issued.Operation, CreatedId(ok.ResJson) is { } swap ? [swap] : []));
                break;
            case DBotRpcReply { Err: false }:
                Record(new TaskCommandAccepted(_login, issued.CommandId, now, issued.Operation, issued.TaskIds));
                break;
            case DBotRpcReply { Err: true } error when IsBatch(issued.Operation):
                MarkUnknown(issued, $"DBot answered err: true to a batch call ({error.Error}): listing the tasks to learn what was applied");
                break;
            case DBotRpcReply error:
                LogRejected(_log, _login, issued.CommandId, error.Error ?? "err: true");
                Record(new TaskCommandRejected(_login, issued.CommandId, now, issued.Operation, error.Error ?? "DBot answered err: true"));
                break;
            case RequestRefusedReply refused:
                Record(new TaskCommandRejected(_login, issued.CommandId, now, issued.Operation, refused.Reason, IsLocal: refused.Reason.StartsWith("not sent", StringComparison.Ordinal)));
                break;
            case UnreadableReply unreadable:
                MarkUnknown(issued, unreadable.Reason);
                break;
            default:
                MarkUnknown(issued, outcome.UnknownReason ?? "no reply");
                break;
        }
    }

    private void MarkUnknown(TaskCommandIssued issued, string reason)
    {
        LogUnknown(_log, _login, issued.CommandId, reason);
        var limit = LimitTaskResolver.Handles(issued.Operation);
        if (limit && _limitListing)
        {
            _unknownDuringLimitListing.Add(issued.CommandId);
        }
        else if (!limit && _listing is not null)
        {
            _unknownDuringListing.Add(issued.CommandId);
        }

        Record(new TaskCommandUnknown(_login, issued.CommandId, Now, issued.Operation, reason), () =>
        {
            if (limit)
            {
                StartLimitListing($"command {issued.CommandId} outcome unknown");
            }
            else
            {
                StartListing($"command {issued.CommandId} outcome unknown");
            }
        });
    }

    /// <summary>Trade results: each result id is journaled once, then published.</summary>
    private void OnBookEvents(BookEvents events)
    {
        var batch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var trade in events.Events.OfType<ITradeResult>())
        {
            if (_book.IsRecorded(trade.ResultId) || !batch.Add(trade.ResultId))
            {
                LogDuplicateTrade(_log, _login, trade.ResultId);
                continue;
            }

            Record(trade);
        }
    }

    private static bool IsCreate(TaskCommandIssued issued) =>
        issued.Operation == DBotWire.CreateOrUpdateFollowOrder && issued.TaskIds.IsDefaultOrEmpty;

    private static bool IsBatch(string operation) =>
        operation is DBotWire.BatchToggleFollowOrder or DBotWire.BatchUpdateFollowOrder or DBotWire.DeleteFollowOrders or DBotWire.DeleteLimitOrders or DBotWire.CreateLimitOrder;

    private static string? CreatedId(string? resJson)
    {
        if (resJson is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(resJson);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;
    }
}
