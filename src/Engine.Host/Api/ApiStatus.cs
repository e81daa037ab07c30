using System.Collections.Immutable;

namespace Engine.Host.Api;

/// <summary>The answer of <c>GET /api/status</c> (and each <c>status</c> event of <c>/api/events</c>).</summary>
/// <param name="Timestamp">When it was taken (engine clock).</param>
/// <param name="EngineState">The engine-wide trading state: Active, Reducing or Halted.</param>
/// <param name="Logins">Every configured login.</param>
/// <param name="Positions">Positions and PnL per login and symbol, from the fills.</param>
/// <param name="Risk">Trading state and PnL of the day of the engine, each login and each strategy.</param>
/// <param name="Strategies">Configured strategies and whether they run.</param>
/// <param name="OpenOrders">Working orders of every login.</param>
/// <param name="Marks">The risk engine's mark per login and symbol (feed, else last fill).</param>
/// <param name="TotalPnl">Sum of <see cref="ApiPosition.Pnl"/>.</param>
/// <param name="Cluster">The cluster (members, shards and logins per node) on a cluster node; null on a single node.</param>
public sealed record ApiStatus(
    DateTimeOffset Timestamp,
    string EngineState,
    ImmutableArray<ApiLogin> Logins,
    ImmutableArray<ApiPosition> Positions,
    ImmutableArray<ApiScope> Risk,
    ImmutableArray<ApiStrategy> Strategies,
    ImmutableArray<ApiOrder> OpenOrders,
    ImmutableArray<ApiMark> Marks,
    decimal TotalPnl,
    ApiCluster? Cluster = null);
