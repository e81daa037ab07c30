using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Order book → connection: cancel these orders of one symbol; their <c>OrderCancelRequested</c> is
/// persisted. Only orders the venue knows (with a venue order id) are listed. The connection answers with
/// exactly one <see cref="CancelOutcome"/>; the cancels are confirmed by order reports or reconciliation.
/// </summary>
/// <param name="Symbol">The orders' symbol (venues cancel per symbol).</param>
/// <param name="Orders">Client and venue ids of the orders to cancel.</param>
public sealed record SendCancel(Symbol Symbol, ImmutableArray<CancelTarget> Orders);
