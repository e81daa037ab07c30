using System.Collections.Immutable;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>
/// The end of a session (<see cref="EndSession"/>): held reports are accounted for (attributed or external, never
/// dropped), then <see cref="SessionEnded"/> is journaled with every order left behind, each logged at error level.
/// </summary>
public sealed partial class OrderBookActor
{
    private void OnEndSession(EndSession end)
    {
        var now = Now;
        foreach (var venueId in _book.ExpiredHeld(DateTimeOffset.MaxValue))
        {
            var events = _book.ReleaseExpired(venueId, now);
            if (events.FirstOrDefault() is ExternalOrderReported external)
            {
                LogExternalOrder(_log, _login.Value, venueId.Value, external.Symbol.Value, external.Side, external.Quantity, external.Reason);
            }

            Drain(events);
        }

        var left = _book.Orders
            .Where(o => !o.IsExternal && IsLeftBehind(o.Status, end.CancelRequested))
            .OrderBy(o => o.CreatedAt)
            .ThenBy(o => o.ClientOrderId.Value, StringComparer.Ordinal)
            .ToList();
        foreach (var order in left)
        {
            LogLeftBehind(_log, _login.Value, order.ClientOrderId.Value, order.VenueOrderId?.Value ?? "unknown", order.Status);
        }

        ImmutableArray<string> leftovers = [.. left.Select(o => $"{o.ClientOrderId} ({o.Status}, venue id {o.VenueOrderId?.Value ?? "unknown"})")];
        var how = leftovers.IsEmpty ? end.How : $"{end.How} with {leftovers.Length} orders left open or unknown";
        Drain([new SessionEnded(_login, ExternalOrderId.Session, now, how, leftovers, _node)]);
        TellAfterCommit(Sender, new SessionRecorded(leftovers));
    }

    /// <summary>Submitted, Unknown and PendingCancel always; Accepted and PartiallyFilled when the drain cancelled.</summary>
    public static bool IsLeftBehind(OrderStatus status, bool cancelRequested) =>
        status is OrderStatus.Submitted or OrderStatus.Unknown or OrderStatus.PendingCancel or OrderStatus.PendingSubmit
        || (cancelRequested && OrderLifecycle.IsWorking(status));

    [LoggerMessage(EventId = 5144, Level = LogLevel.Error,
        Message = "Login {Login}: order {ClientOrderId} (venue id {VenueOrderId}) is still {Status} at the end of the session")]
    private static partial void LogLeftBehind(ILogger logger, string login, string clientOrderId, string venueOrderId, OrderStatus status);
}
