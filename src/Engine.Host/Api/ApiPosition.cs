namespace Engine.Host.Api;

/// <summary>One login's position in one symbol, from its fills (the status board's portfolio).</summary>
public sealed record ApiPosition(
    string Login,
    string Symbol,
    decimal Quantity,
    decimal AverageCost,
    decimal LastPrice,
    decimal RealisedPnl,
    decimal UnrealisedPnl,
    decimal Fees,
    decimal Pnl);
