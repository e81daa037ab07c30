using System.Collections.Immutable;
using Engine.Actors.Connections;
using Engine.Actors.Monitoring;
using Engine.Actors.Orders;
using Engine.Actors.Risk;
using Engine.Actors.Strategies;
using Engine.Messages.Risk;

namespace Engine.Host.Api;

/// <summary>Puts the answers of the status reporter, the risk actor and the strategy host into one <see cref="ApiStatus"/>. Pure.</summary>
public static class ApiStatusBuilder
{
    /// <summary>The status at <paramref name="now"/>.</summary>
    public static ApiStatus Build(
        DateTimeOffset now,
        IReadOnlyList<LoginOptions> logins,
        IReadOnlyList<StrategyOptions> strategies,
        StatusSnapshot board,
        RiskStatus risk,
        IReadOnlyList<string> running,
        ClusterStatus? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(logins);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(running);
        var states = risk.Scopes.ToDictionary(s => s.Scope, StringComparer.Ordinal);
        string StateOf(RiskScope scope) => (states.TryGetValue(scope.ToString(), out var s) ? s.State : TradingState.Active).ToString();

        var apiLogins = logins.Select(l =>
        {
            var seen = board.Logins.FirstOrDefault(b => b.Login.Value == l.Name);
            return new ApiLogin(
                l.Name,
                l.Venue,
                l.Enabled,
                seen?.State.ToString() ?? "Disconnected",
                seen?.VenueState,
                StateOf(RiskScope.OfLogin(l.Name)),
                seen?.Orders.Count(o => OrderLifecycle.IsWorking(o.Status)) ?? 0,
                seen?.Fills ?? 0,
                risk.RejectStreaks.GetValueOrDefault(l.Name),
                risk.NotReadySince.TryGetValue(l.Name, out var since) ? since : null,
                seen?.Node);
        }).ToImmutableArray();

        var positions = board.Logins
            .SelectMany(l => l.Positions.Select(p => new ApiPosition(
                l.Login.Value, p.Symbol.Value, p.Quantity, p.AverageCost, p.LastPrice, p.RealisedPnl, p.UnrealisedPnl, p.Fees, p.TotalPnl)))
            .ToImmutableArray();

        var scopes = risk.Scopes
            .Select(s => new ApiScope(s.Scope, s.State.ToString(), s.DailyPnl, s.LastChange?.By, s.LastChange?.Cause, s.LastChange?.Timestamp))
            .ToImmutableArray();

        var apiStrategies = strategies
            .Select(s => new ApiStrategy(s.Name, s.Enabled, running.Contains(s.Name, StringComparer.Ordinal), StateOf(RiskScope.OfStrategy(s.Name)), s.Logins))
            .ToImmutableArray();

        var open = board.Logins
            .SelectMany(l => l.Orders)
            .Where(o => OrderLifecycle.IsWorking(o.Status))
            .OrderBy(o => o.CreatedAt)
            .Select(ApiOrder.Of)
            .ToImmutableArray();

        var marks = risk.Positions
            .Where(p => p.Mark is not null)
            .GroupBy(p => (p.Login, p.Symbol))
            .Select(g => new ApiMark(g.Key.Login, g.Key.Symbol, g.First().Mark!.Value))
            .ToImmutableArray();

        return new ApiStatus(now, StateOf(RiskScope.Engine), apiLogins, positions, scopes, apiStrategies, open, marks, positions.Sum(p => p.Pnl),
            cluster is null ? null : ApiCluster.Of(cluster));
    }
}
