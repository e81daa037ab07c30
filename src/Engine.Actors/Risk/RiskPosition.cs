namespace Engine.Actors.Risk;

/// <summary>One (login, strategy, symbol) as the risk engine counts it.</summary>
/// <param name="Login">The login.</param>
/// <param name="Strategy">The strategy; null for orders of none.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Position">Net filled position (positive long).</param>
/// <param name="Mark">The mark used (feed, else last fill); null when none.</param>
/// <param name="DailyPnl">Profit of the UTC day at the mark, fees excluded.</param>
public sealed record RiskPosition(string Login, string? Strategy, string Symbol, decimal Position, decimal? Mark, decimal DailyPnl);
