using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Order book → connection: some orders of these symbols are <c>Unknown</c> (or a cancel outcome is unknown);
/// ask the venue (open orders, order status) and answer with <see cref="ReconcileOpenOrders"/> per symbol.
/// </summary>
/// <param name="Symbols">Symbols to query.</param>
public sealed record ResolutionNeeded(ImmutableArray<Symbol> Symbols);
