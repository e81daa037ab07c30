using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>What reconciling one symbol against the venue's open orders found.</summary>
/// <param name="Events">Events that bring the book in line with the venue; decide, persist and apply them in order.</param>
/// <param name="Foreign">Open orders on the venue that no working order of the book matches: placed elsewhere, a lost reply
/// that could not be matched safely, or an order the book believes finished. They are live: report them (and cancel where configured).</param>
/// <param name="Unresolved">Orders still Unknown: no venue id and no unique match among the open orders.</param>
public sealed record ReconcileOutcome(
    ImmutableArray<IOrderEvent> Events,
    ImmutableArray<OpenOrder> Foreign,
    ImmutableArray<ClientOrderId> Unresolved)
{
    /// <summary>
    /// Orders to ask the venue about by id (only when it can answer order status): working orders missing from the open
    /// orders whose fills do not cover their quantity, and Unknown orders no open order names.
    /// </summary>
    public ImmutableArray<Protocol.OrderToResolve> ToQuery { get; init; } = [];

    /// <summary>
    /// Working orders with a venue id the venue no longer lists, whose fills do not cover them, on a venue that cannot be
    /// asked about single orders: neither filled nor canceled as far as anyone knows. They stay as they are until the
    /// venue's balance decides (<see cref="DowntimeFillInference"/>).
    /// </summary>
    public ImmutableArray<OrderState> Vanished { get; init; } = [];
}
