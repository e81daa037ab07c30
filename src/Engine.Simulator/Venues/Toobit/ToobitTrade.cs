namespace Engine.Simulator.Venues.Toobit;

/// <summary>One fill as <c>account/trades</c> and <c>futures/userTrades</c> list it. Immutable.</summary>
internal sealed record ToobitTrade(
    long Id,
    long OrderId,
    long MatchOrderId,
    string AccountId,
    string Symbol,
    bool Futures,
    string Side,
    decimal Price,
    decimal Quantity,
    decimal Commission,
    string CommissionAsset,
    bool IsBuyer,
    bool IsMaker,
    decimal RealisedPnl,
    DateTimeOffset Time);
