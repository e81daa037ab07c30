using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Order book → connection: some orders of these symbols are <c>Unknown</c> (or a cancel outcome is unknown);
/// ask the venue's open orders and answer with <see cref="ReconcileOpenOrders"/> per symbol. <see cref="Orders"/> lists
/// orders to ask about one by one (only sent when <see cref="ConnectionReadiness.CanQueryOrderStatus"/>); each answer
/// is an <see cref="OrderStatusResolved"/>. A failed query leaves the order Unknown until the next reconciliation asks again.
/// </summary>
/// <param name="Symbols">Symbols whose open orders to query; may be empty when only <see cref="Orders"/> matter.</param>
public sealed record ResolutionNeeded(ImmutableArray<Symbol> Symbols)
{
    /// <summary>Orders to query by id (order status); empty when the open orders suffice.</summary>
    public ImmutableArray<OrderToResolve> Orders { get; init; } = [];
}
