using Engine.Actors.Orders.Protocol;
using Engine.Actors.Risk;
using Engine.Actors.Venues;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Orders;

/// <summary>New orders: local validation, write-ahead, and the venue's answer to the placement.</summary>
public sealed partial class OrderBookActor
{
    private void OnSubmit(SubmitOrder command)
    {
        if (command.Login != _login)
        {
            RejectUnjournaled(command, $"order {command.ClientOrderId} is for login {command.Login} but this order book belongs to login {_login}");
            return;
        }

        if (_book.Find(command.ClientOrderId) is { } existing)
        {
            RejectUnjournaled(command, $"client order id {command.ClientOrderId} is already used by an order of login {_login} (now {existing.Status})");
            return;
        }

        if (RefusalOf(command) is { } reason)
        {
            RejectJournaled(command, reason);
            return;
        }

        if (_risk.Check(command, Now) is { } breach)
        {
            RejectJournaled(command, $"risk rule {breach.Rule} ({breach.Scope}): {breach.Detail}", breach);
            return;
        }

        Record(OrderSubmitted.From(command), new LinkedList<IOrderEvent>(), _ => Context.Parent.Tell(new SendPlace(command), Self));
    }

    /// <summary>Why <paramref name="command"/> must not be sent, for people; null when it may be.</summary>
    private string? RefusalOf(SubmitOrder command)
    {
        if (_readiness is not { IsReady: true } ready)
        {
            var why = _readiness?.Reason ?? "the connection has not reported ready yet";
            return $"login {_login} is not ready to trade: {why}";
        }

        if (command.Quantity <= 0m)
        {
            return $"quantity {command.Quantity} must be positive for {command.Symbol}";
        }

        if (command.Type != OrderType.Market && command.Price is not > 0m)
        {
            return command.Price is { } price
                ? $"price {price} must be positive for a {command.Type} order in {command.Symbol}"
                : $"a {command.Type} order needs a price for {command.Symbol}";
        }

        if (!ready.Rules.TryGetValue(command.Symbol, out var rules))
        {
            return $"unknown symbol {command.Symbol}: login {_login} has no trading rules for it";
        }

        return rules.Validate(command);
    }

    /// <summary>Records the refused order (submitted, then rejected locally), then answers the sender.</summary>
    private void RejectJournaled(SubmitOrder command, string reason, RiskBreach? breach = null)
    {
        LogLocalRejection(_log, _login.Value, command.ClientOrderId.Value, reason);
        var rejected = new OrderRejected(_login, command.ClientOrderId, Now, reason, IsLocal: true, breach);
        var sender = Sender;
        var none = new LinkedList<IOrderEvent>();
        Record(OrderSubmitted.From(command), none, null);
        Record(rejected, none, persisted => sender.Tell(persisted, Self));
    }

    /// <summary>Answers and publishes a rejection that does not belong in this login's journal.</summary>
    private void RejectUnjournaled(SubmitOrder command, string reason)
    {
        LogLocalRejection(_log, command.Login.Value, command.ClientOrderId.Value, reason);
        var rejected = new OrderRejected(command.Login, command.ClientOrderId, Now, reason, IsLocal: true);
        TellAfterCommit(Sender, rejected);
        PublishAfterCommit(rejected);
    }

    private void OnPlaceOutcome(PlaceOutcome outcome)
    {
        var cid = outcome.ClientOrderId;
        if (_book.Find(cid) is not { } order)
        {
            LogNoSuchOrder(_log, nameof(PlaceOutcome), _login.Value, cid.Value);
            return;
        }

        IOrderEvent result;
        switch (outcome.Reply)
        {
            case OrderPlacedReply placed:
                result = new OrderAccepted(_login, cid, outcome.At, placed.VenueOrderId);
                break;
            case RequestRefusedReply refused:
                LogVenueRejection(_log, _login.Value, cid.Value, refused.Reason);
                result = new OrderRejected(_login, cid, outcome.At, refused.Reason);
                break;
            default:
                var why = outcome.Reply switch
                {
                    UnreadableReply unreadable => $"the place reply could not be read: {unreadable.Reason}",
                    null => outcome.UnknownReason ?? "no reply to the place request",
                    var other => $"unexpected reply {other.GetType().Name} to the place request",
                };
                if (order.VenueOrderId is not null)
                {
                    // The venue's own reports (which name our client order id) got here first: the order is known to
                    // exist, so a late "outcome unknown" for its placement adds nothing.
                    LogLateUnknownIgnored(_log, _login.Value, cid.Value, order.Status, why);
                    return;
                }

                LogOutcomeUnknown(_log, _login.Value, cid.Value, why);
                result = new OrderStatusUnknown(_login, cid, outcome.At, why);
                break;
        }

        Drain([result], () =>
        {
            if (_book.Find(cid)?.Status == OrderStatus.Unknown)
            {
                AskToResolve([order.Symbol]);
            }
        });
    }
}
