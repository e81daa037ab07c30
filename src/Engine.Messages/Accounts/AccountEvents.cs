using Engine.Messages.Identifiers;

namespace Engine.Messages.Accounts;

/// <summary>
/// One asset's balance. <see cref="Locked"/> and <see cref="Total"/> are null when the venue's message
/// did not carry them (the quant gateway's huobi asset notifications fill in only the free amount).
/// </summary>
/// <param name="Asset">Asset code as the venue spells it (<c>USDT</c>, <c>BTC</c>).</param>
/// <param name="Free">Available for new orders.</param>
/// <param name="Locked">Held by working orders or margin; null when not reported.</param>
/// <param name="Total">Free plus locked (margin balance on futures); null when not reported.</param>
public sealed record Balance(string Asset, decimal Free, decimal? Locked, decimal? Total);

/// <summary>
/// A futures position with separate long and short legs; quantities are never negative.
/// A venue without a position reports zeros.
/// </summary>
/// <param name="Symbol">The contract.</param>
/// <param name="LongQuantity">Contracts held long.</param>
/// <param name="LongAvailable">Long contracts not already being closed.</param>
/// <param name="LongAveragePrice">Average open price of the long leg; zero when flat.</param>
/// <param name="ShortQuantity">Contracts held short.</param>
/// <param name="ShortAvailable">Short contracts not already being closed.</param>
/// <param name="ShortAveragePrice">Average open price of the short leg; zero when flat.</param>
/// <param name="UnrealisedPnl">Long plus short unrealised profit, in the settlement asset.</param>
/// <param name="Leverage">Leverage of the position, when the venue reports one.</param>
public sealed record PositionSnapshot(
    Symbol Symbol,
    decimal LongQuantity,
    decimal LongAvailable,
    decimal LongAveragePrice,
    decimal ShortQuantity,
    decimal ShortAvailable,
    decimal ShortAveragePrice,
    decimal UnrealisedPnl,
    decimal? Leverage)
{
    /// <summary>Long minus short contracts.</summary>
    public decimal NetQuantity => LongQuantity - ShortQuantity;
}

/// <summary>A login's balance of one asset changed (notification or reconciliation).</summary>
/// <param name="Login">The login whose account changed.</param>
/// <param name="Timestamp">When the venue reported it, or when the engine received it.</param>
/// <param name="Balance">The new balance.</param>
/// <param name="IsReconciliation">True when it came from a query after (re)connect rather than a push.</param>
public sealed record BalanceChanged(LoginId Login, DateTimeOffset Timestamp, Balance Balance, bool IsReconciliation = false)
    : ILoginEvent;

/// <summary>A login's position in one contract changed (notification or reconciliation).</summary>
/// <param name="Login">The login whose position changed.</param>
/// <param name="Timestamp">When the venue reported it, or when the engine received it.</param>
/// <param name="Position">The new position.</param>
/// <param name="IsReconciliation">True when it came from a query after (re)connect rather than a push.</param>
public sealed record PositionChanged(LoginId Login, DateTimeOffset Timestamp, PositionSnapshot Position, bool IsReconciliation = false)
    : ILoginEvent;
