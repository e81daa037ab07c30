using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book: the venue's complete list of open orders for one symbol, fetched after a READY
/// or on request. The book brings its working orders in line (events flagged as reconciliation) and resolves
/// <c>Unknown</c> orders.
/// </summary>
/// <param name="Symbol">The symbol the list is complete for.</param>
/// <param name="Orders">The venue's open orders.</param>
/// <param name="At">When the list was received.</param>
/// <param name="Source">For the audit trail, e.g. "open_orders after READY".</param>
public sealed record ReconcileOpenOrders(Symbol Symbol, ImmutableArray<OpenOrder> Orders, DateTimeOffset At, string Source)
{
    /// <summary>The login's <c>external-orders</c>: whether open orders no order of this engine matches are also cancelled.</summary>
    public ExternalOrderPolicy ExternalOrders { get; init; } = ExternalOrderPolicy.Report;
}
