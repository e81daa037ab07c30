using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book: whether the login may trade now, and the symbol rules orders are validated
/// against. Sent on every transition into and out of Ready. While not ready the book rejects new orders
/// locally (nothing is sent before READY) with <paramref name="Reason"/>.
/// </summary>
/// <param name="IsReady">True only in the Ready state.</param>
/// <param name="Reason">For people: why the login is not ready ("login qg-1 is reconnecting").</param>
/// <param name="Rules">Rules by symbol, as last reported by the venue; empty when unknown.</param>
public sealed record ConnectionReadiness(bool IsReady, string Reason, ImmutableDictionary<Symbol, SymbolRules> Rules)
{
    /// <summary>
    /// True when the venue answers per-order status queries (Binance <c>order.status</c>): the book then asks about an
    /// order missing from the open orders instead of guessing its end, and resolves Unknown orders by client order id.
    /// </summary>
    public bool CanQueryOrderStatus { get; init; }
}
