using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// What the risk actor tells a subscribed order book, at once on subscription and after every change: the limits, the
/// trading states, the marks of the book's login and the daily PnL of every scope. Immutable.
/// </summary>
/// <param name="Options">The configured limits.</param>
/// <param name="States">Trading states of the scopes that are not <see cref="TradingState.Active"/>.</param>
/// <param name="Marks">Mark of each symbol of the subscriber's login (feed, else last fill).</param>
/// <param name="DailyPnl">Profit of the UTC day per scope with a <see cref="RiskLimits.MaxDailyLoss"/>.</param>
/// <param name="Feed">Marks from market data (thread-safe), consulted before <paramref name="Marks"/>; null when none.</param>
public sealed record RiskSnapshot(
    RiskOptions Options,
    ImmutableDictionary<RiskScope, TradingState> States,
    ImmutableDictionary<Symbol, decimal> Marks,
    ImmutableDictionary<RiskScope, decimal> DailyPnl,
    IMarkPriceSource? Feed = null)
{
    /// <summary>The mark of <paramref name="symbol"/> for <paramref name="login"/>: the feed's, else the last fill's.</summary>
    public decimal? MarkOf(LoginId login, Symbol symbol) =>
        Feed?.MarkOf(login, symbol) ?? (Marks.TryGetValue(symbol, out var mark) ? mark : null);

    /// <summary>The state of <paramref name="scope"/>; Active when none was set.</summary>
    public TradingState StateOf(RiskScope scope) => States.GetValueOrDefault(scope, TradingState.Active);
}
