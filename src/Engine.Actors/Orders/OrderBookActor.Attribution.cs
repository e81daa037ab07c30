using Engine.Actors.Connections;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>
/// Attribution, external orders and contradictory reports as the actor sees them: each is logged when decided (a
/// warning: the engine did not know the order, or the venue contradicted it), and an order a report contradicted is
/// reconciled with the venue (its symbol's open orders, or its status where the venue answers per-order queries).
/// </summary>
public sealed partial class OrderBookActor
{
    /// <summary>Logs what needs a person's attention in a decided event; collects the symbols to reconcile.</summary>
    private void Noted(IOrderEvent orderEvent, List<Symbol> toReconcile)
    {
        switch (orderEvent)
        {
            case VenueOrderIdInferred inferred:
                LogInferred(_log, _login.Value, inferred.ClientOrderId.Value, inferred.VenueOrderId.Value, inferred.Reason);
                break;
            case ExternalFillReported fill:
                LogExternalFill(_log, _login.Value, fill.VenueOrderId.Value, fill.FillId.Value, fill.Symbol.Value, fill.Side, fill.Quantity, fill.Price);
                break;
            case VenueProtocolViolation violation:
                LogViolation(_log, _login.Value, violation.ClientOrderId.Value, violation.Report, violation.Reason);
                if (_book.Find(violation.ClientOrderId) is { } order)
                {
                    toReconcile.Add(order.Symbol);
                }

                break;
        }
    }

    /// <summary>
    /// A venue report the lifecycle forbids for its order (a fill on a rejected order, a rejection after a fill, an open
    /// report after a rejection) is a contradiction too: journaled as a <see cref="VenueProtocolViolation"/>, not dropped.
    /// Null for anything else (local events, duplicates, stale reports).
    /// </summary>
    private VenueProtocolViolation? AsViolation(OrderBookDecision decision)
    {
        if (decision.Result is not { Outcome: TransitionOutcome.Invalid } result || !IsVenueReport(decision.Event))
        {
            return null;
        }

        var venueId = decision.Event switch
        {
            OrderAccepted a => a.VenueOrderId,
            OrderPartiallyFilled f => f.VenueOrderId,
            OrderFilled f => f.VenueOrderId,
            OrderCanceled c => c.VenueOrderId,
            OrderExpired x => x.VenueOrderId,
            OrderStatusReported r => r.VenueOrderId,
            _ => result.State.VenueOrderId,
        };
        return new VenueProtocolViolation(
            _login, decision.Event.ClientOrderId, decision.Event.Timestamp, venueId, decision.Event.GetType().Name, result.Reason ?? "forbidden transition", null);
    }

    /// <summary>
    /// Open orders reconciliation could not match to a working order and the book does not know at all: external orders
    /// (with the reports held for them, if any). Orders the book knows by venue id (finished, or already external) are not
    /// recorded again. Under the login's <see cref="ExternalOrderPolicy.Cancel"/> each is also cancelled (recorded, then sent).
    /// </summary>
    private List<IOrderEvent> ExternalOpenOrders(ReconcileOutcome outcome, ReconcileOpenOrders reconcile)
    {
        var (symbol, source) = (reconcile.Symbol, reconcile.Source);
        var events = new List<IOrderEvent>();
        var now = Now;
        foreach (var open in outcome.Foreign.Where(o => _book.FindByVenueId(o.VenueOrderId) is null))
        {
            var reason = $"{source}: an open order no order of this engine matches";
            var held = _book.Externalize(open.VenueOrderId, now, reason);
            events.AddRange(held.IsEmpty
                ? [new ExternalOrderReported(_login, ExternalOrderId.Of(open.VenueOrderId), now, open.VenueOrderId, symbol, open.Side, open.Type, open.Quantity, open.Price, open.Status, reason)]
                : held);
            LogExternalOrder(_log, _login.Value, open.VenueOrderId.Value, symbol.Value, open.Side, open.Quantity, reason);
            if (reconcile.ExternalOrders == ExternalOrderPolicy.Cancel)
            {
                LogCancellingExternal(_log, _login.Value, open.VenueOrderId.Value);
                events.Add(new OrderCancelRequested(_login, ExternalOrderId.Of(open.VenueOrderId), now));
            }
        }

        return events;
    }

    private static bool IsVenueReport(IOrderEvent orderEvent) => orderEvent
        is OrderAccepted or OrderPartiallyFilled or OrderFilled or OrderCanceled or OrderExpired or OrderStatusReported
        or OrderRejected { IsLocal: false };

    [LoggerMessage(EventId = 5140, Level = LogLevel.Warning,
        Message = "Order {ClientOrderId} of login {Login} adopts venue id {VenueOrderId}, inferred from a venue report: {Reason}")]
    private static partial void LogInferred(ILogger logger, string login, string clientOrderId, string venueOrderId, string reason);

    [LoggerMessage(EventId = 5141, Level = LogLevel.Warning,
        Message = "External order {VenueOrderId} on login {Login}: {Side} {Quantity} {Symbol} matches no order of this engine ({Reason}); journaled as external")]
    private static partial void LogExternalOrder(ILogger logger, string login, string venueOrderId, string symbol, OrderSide side, decimal quantity, string reason);

    [LoggerMessage(EventId = 5142, Level = LogLevel.Warning,
        Message = "External fill {FillId} of venue order {VenueOrderId} on login {Login}: {Side} {Quantity} {Symbol} at {Price}; counted in the position")]
    private static partial void LogExternalFill(ILogger logger, string login, string venueOrderId, string fillId, string symbol, OrderSide side, decimal quantity, decimal price);

    [LoggerMessage(EventId = 5143, Level = LogLevel.Warning,
        Message = "Venue protocol violation on order {ClientOrderId} of login {Login}: {Report} rejected because {Reason}; journaled, and the order is reconciled")]
    private static partial void LogViolation(ILogger logger, string login, string clientOrderId, string report, string reason);

    [LoggerMessage(EventId = 5149, Level = LogLevel.Warning,
        Message = "External order {VenueOrderId} on login {Login} is cancelled: the login's external-orders policy is cancel")]
    private static partial void LogCancellingExternal(ILogger logger, string login, string venueOrderId);
}
