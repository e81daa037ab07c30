namespace Engine.Simulator.Venues.DBot;

/// <summary>One open DBot connection as <c>GET /_control/dbot/connections</c> reports it.</summary>
/// <param name="Id">The connection's number.</param>
/// <param name="Kind"><c>trading</c> (<c>/trade/ws</c>) or <c>data</c> (<c>/data/ws/</c>).</param>
/// <param name="Account">The account of its API key.</param>
/// <param name="Pings">WebSocket Ping frames it received.</param>
/// <param name="Subscriptions">Trading: the trade-result filter (empty = every type, or not subscribed); data: <c>tx:&lt;pair&gt;</c> and <c>pairInfo:&lt;pair&gt;</c>.</param>
public sealed record DBotConnectionInfo(long Id, string Kind, string Account, int Pings, IReadOnlyList<string> Subscriptions);
