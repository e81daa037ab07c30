using Engine.Messages.Identifiers;

namespace Engine.Actors.Connections.Policies;

/// <summary>A request sent and not yet answered.</summary>
/// <param name="Key">The correlation key (quant gateway <c>cid</c>, Binance <c>id</c>).</param>
/// <param name="Operation">The venue operation (<c>place_order</c>, <c>order.cancel</c>).</param>
/// <param name="ClientOrderId">The order concerned, when there is one; its outcome becomes unknown on timeout.</param>
/// <param name="SentAt">When it was registered.</param>
/// <param name="Deadline">When it times out.</param>
public sealed record PendingRequest<TKey>(TKey Key, string Operation, ClientOrderId? ClientOrderId, DateTimeOffset SentAt, DateTimeOffset Deadline)
    where TKey : notnull;
