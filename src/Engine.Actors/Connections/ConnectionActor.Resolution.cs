using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;

namespace Engine.Actors.Connections;

/// <summary>
/// Per-order status queries asked by the order book (<see cref="ResolutionNeeded.Orders"/>), for venues that answer
/// them; each answer goes to the book as an <see cref="OrderStatusResolved"/>. A failed query is only logged: the
/// order stays Unknown and the next reconciliation asks again.
/// </summary>
public sealed partial class ConnectionActor
{
    private void QueryOrderStatuses(ResolutionNeeded needed)
    {
        foreach (var order in needed.Orders)
        {
            if (_behavior.OrderStatusQuery(order) is { } query)
            {
                Dispatch(query, new ResolvePurpose(order));
            }
        }
    }

    private void OnResolveAnswered(ResolvePurpose purpose, VenueReply? reply, string? unknownReason)
    {
        if (reply is IOrderStatusReply status)
        {
            _orders.Tell(new OrderStatusResolved(purpose.Order.ClientOrderId, status.Order, status.Missing, Now, "order.status"), Self);
            return;
        }

        LogStatusQueryFailed(_log, _login, purpose.Order.ClientOrderId, Describe(reply, unknownReason));
    }

    private sealed record ResolvePurpose(OrderToResolve Order) : Purpose;
}
