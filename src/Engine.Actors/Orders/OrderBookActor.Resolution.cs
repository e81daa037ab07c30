using System.Collections.Immutable;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>
/// Resolution by per-order status (Binance <c>order.status</c>): asking the connection about orders the open orders
/// cannot explain, and applying its answers (<see cref="OrderStatusResolved"/>), journaled like every other event.
/// </summary>
public sealed partial class OrderBookActor
{
    private bool CanQueryOrderStatus => _readiness?.CanQueryOrderStatus ?? false;

    /// <summary>Asks the parent to query <paramref name="orders"/> one by one; nothing when there are none.</summary>
    private void AskAbout(ImmutableArray<OrderToResolve> orders)
    {
        if (orders.IsDefaultOrEmpty)
        {
            return;
        }

        foreach (var order in orders)
        {
            LogAskingStatus(_log, _login.Value, order.ClientOrderId.Value);
        }

        TellParentAfterCommit(new ResolutionNeeded([]) { Orders = orders });
    }

    private void OnOrderStatusResolved(OrderStatusResolved resolved)
    {
        if (_book.Find(resolved.ClientOrderId) is not { } order)
        {
            LogNoSuchOrder(_log, nameof(OrderStatusResolved), _login.Value, resolved.ClientOrderId.Value);
            return;
        }

        if (OrderStatusResolver.Resolve(order, resolved) is not { } orderEvent)
        {
            return;
        }

        Drain([orderEvent], () =>
        {
            if (resolved.Order is { } venue && _book.Find(resolved.ClientOrderId) is { } after && after.FilledQuantity < venue.FilledQuantity)
            {
                LogFillsMissing(_log, _login.Value, after.ClientOrderId.Value, venue.Status, venue.FilledQuantity, after.FilledQuantity);
            }
        });
    }

    [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "Asking the venue for the status of order {ClientOrderId} of login {Login}")]
    private static partial void LogAskingStatus(ILogger logger, string login, string clientOrderId);

    [LoggerMessage(EventId = 5131, Level = LogLevel.Warning,
        Message = "Order {ClientOrderId} of login {Login} is {Status} at the venue with {VenueFilled} filled, but only {Filled} is covered by fill reports; the missing fills are not invented")]
    private static partial void LogFillsMissing(ILogger logger, string login, string clientOrderId, OrderStatus status, decimal venueFilled, decimal filled);
}
