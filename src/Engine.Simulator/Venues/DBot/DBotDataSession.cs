using System.Net.WebSockets;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Venues.DBot;

/// <summary>One data WebSocket (<c>/data/ws/</c>) of one API key: its subscriptions by pair. Members are read and written under the simulator's lock.</summary>
internal sealed class DBotDataSession(long id, WebSocket socket, DBotAccountState account, DateTimeOffset connectedAt) : SocketSession(id, socket), IDBotLiveness
{
    public DBotAccountState Account { get; } = account;

    /// <summary>Pool addresses whose trades (<c>tx</c>) this connection receives.</summary>
    public HashSet<string> TxPairs { get; } = new(StringComparer.Ordinal);

    /// <summary>Pool addresses whose updates (<c>pairInfo</c>, or the older <c>tokenInfo</c>) this connection receives.</summary>
    public HashSet<string> InfoPairs { get; } = new(StringComparer.Ordinal);

    /// <summary>Types subscribed at least once (the acknowledgement's <c>subscribed</c> list).</summary>
    public SortedSet<string> Types { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset LastFrame { get; set; } = connectedAt;

    public DateTimeOffset LastPing { get; set; } = connectedAt;

    public int Pings { get; set; }
}
