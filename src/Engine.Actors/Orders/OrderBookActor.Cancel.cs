using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Cancels. A cancel is recorded (<see cref="OrderCancelRequested"/>) before it is sent; an order without a venue id
/// yet keeps its cancel until the id is known. The venue's confirmation arrives as a report or through
/// reconciliation; a refusal leaves the order as it was (it may have filled meanwhile).
/// </summary>
public sealed partial class OrderBookActor
{
    private void OnCancel(CancelOrder command)
    {
        if (command.Login != _login)
        {
            RefuseCancel(command.Login, command.ClientOrderId, $"order {command.ClientOrderId} is for login {command.Login} but this order book belongs to login {_login}");
            return;
        }

        if (_book.Find(command.ClientOrderId) is not { } order)
        {
            RefuseCancel(_login, command.ClientOrderId, $"login {_login} has no order {command.ClientOrderId}");
            return;
        }

        if (!OrderLifecycle.IsWorking(order.Status))
        {
            RefuseCancel(_login, command.ClientOrderId, $"order {command.ClientOrderId} is already {order.Status}");
            return;
        }

        if (order.Status == OrderStatus.PendingCancel)
        {
            LogIgnored(_log, nameof(CancelOrder), _login.Value, order.ClientOrderId.Value, "a cancel is already pending");
            return;
        }

        Drain([new OrderCancelRequested(_login, order.ClientOrderId, command.Timestamp)]);
    }

    private void OnCancelAll(CancelAllOrders command)
    {
        if (command.Login != _login)
        {
            LogCancelAllRefused(_log, command.Login.Value, $"this order book belongs to login {_login}");
            return;
        }

        var targets = _book.Working
            .Where(o => o.Status != OrderStatus.PendingCancel && (command.Symbol is null || o.Symbol == command.Symbol))
            .OrderBy(o => o.CreatedAt)
            .Select(o => (IOrderEvent)new OrderCancelRequested(_login, o.ClientOrderId, command.Timestamp))
            .ToList();
        Drain(targets);
    }

    private void RefuseCancel(LoginId login, ClientOrderId clientOrderId, string reason)
    {
        LogCancelRefused(_log, login.Value, clientOrderId.Value, reason);
        var refused = new CancelRejected(login, clientOrderId, Now, reason);
        TellAfterCommit(Sender, refused);
        PublishAfterCommit(refused);
    }

    private void OnCancelOutcome(CancelOutcome outcome)
    {
        var request = outcome.Request;
        var byVenueId = request.Orders.ToDictionary(t => t.VenueOrderId, t => t.ClientOrderId);
        switch (outcome.Reply)
        {
            case CancelResultsReply results:
                var refusals = results.Results
                    .Where(r => !r.Accepted && byVenueId.ContainsKey(r.VenueOrderId))
                    .Select(r => new CancelRejected(_login, byVenueId[r.VenueOrderId], outcome.At, r.Error))
                    .ToList();
                foreach (var text in results.Unattributed)
                {
                    LogCancelOutcomeUnknown(_log, _login.Value, request.Symbol.Value, request.Orders.Length, $"the venue refused without naming an order: {text}");
                }

                RecordCancelRefusals(refusals, () =>
                {
                    if (!results.Unattributed.IsEmpty)
                    {
                        AskToResolve([request.Symbol]);
                    }
                });
                break;
            case RequestRefusedReply refused:
                RecordCancelRefusals(
                    [.. request.Orders.Select(t => new CancelRejected(_login, t.ClientOrderId, outcome.At, refused.Reason))],
                    null);
                break;
            default:
                var why = outcome.Reply switch
                {
                    UnreadableReply unreadable => $"the cancel reply could not be read: {unreadable.Reason}",
                    null => outcome.UnknownReason ?? "no reply to the cancel request",
                    var other => $"unexpected reply {other.GetType().Name} to the cancel request",
                };
                LogCancelOutcomeUnknown(_log, _login.Value, request.Symbol.Value, request.Orders.Length, why);
                AskToResolve([request.Symbol]);
                break;
        }
    }

    /// <summary>
    /// Persists and publishes the refusals that change an order (PendingCancel back to working); a refusal for an
    /// order that already ended changes nothing and is only published, so the requester learns of it.
    /// </summary>
    private void RecordCancelRefusals(List<CancelRejected> refusals, Action? completed)
    {
        foreach (var refusal in refusals)
        {
            LogCancelRefused(_log, _login.Value, refusal.ClientOrderId.Value, refusal.Reason);
            if (!_book.Decide(refusal).ShouldPersist)
            {
                PublishAfterCommit(refusal);
            }
        }

        Drain(refusals, completed);
    }
}
