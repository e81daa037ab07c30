using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders;

/// <summary>
/// An immutable copy of one login's order book at the moment <see cref="GetOrders"/> was handled: every order
/// (terminal ones included), whether the login was ready, and how many venue reports wait for a venue id.
/// Safe to share across threads.
/// </summary>
/// <param name="Login">The login.</param>
/// <param name="Orders">Every order, oldest first.</param>
/// <param name="IsReady">The last readiness the connection reported.</param>
/// <param name="HeldReports">Venue reports held until a place reply reveals their venue order id.</param>
public sealed record OrdersView(LoginId Login, ImmutableArray<OrderState> Orders, bool IsReady, int HeldReports)
{
    /// <summary>Orders that may still trade (Submitted, Accepted, PartiallyFilled, PendingCancel, Unknown).</summary>
    public IEnumerable<OrderState> Working => Orders.Where(o => OrderLifecycle.IsWorking(o.Status));

    /// <summary>The order with this client id, or null.</summary>
    public OrderState? Find(ClientOrderId clientOrderId) => Orders.FirstOrDefault(o => o.ClientOrderId == clientOrderId);
}
