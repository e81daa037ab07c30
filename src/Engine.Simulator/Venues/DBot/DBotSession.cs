using System.Net.WebSockets;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Venues.DBot;

/// <summary>One trading WebSocket of one API key. Members this type adds are read and written under the simulator's lock.</summary>
internal sealed class DBotSession(long id, WebSocket socket, DBotAccountState account, DateTimeOffset connectedAt) : SocketSession(id, socket), IDBotLiveness
{
    public DBotAccountState Account { get; } = account;

    /// <summary>The trade-result filter of this connection's subscription (empty = every type); null = not subscribed.</summary>
    public IReadOnlyList<string>? Filter { get; set; }

    /// <summary>Last inbound frame of any kind (data, close, ping, pong).</summary>
    public DateTimeOffset LastFrame { get; set; } = connectedAt;

    /// <summary>Last inbound Ping frame (strict heartbeat mode).</summary>
    public DateTimeOffset LastPing { get; set; } = connectedAt;

    /// <summary>Ping frames received.</summary>
    public int Pings { get; set; }

    public bool Wants(string tradeType) => Filter is { } filter && (filter.Count == 0 || filter.Contains(tradeType, StringComparer.Ordinal));
}
