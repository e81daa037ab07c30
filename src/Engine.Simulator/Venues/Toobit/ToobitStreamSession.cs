using System.Net.WebSockets;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>One user-data stream connection, bound to a listen key. Every member this type adds is read and written under the simulator's lock.</summary>
internal sealed class ToobitStreamSession(long id, WebSocket socket, string accountId, string listenKey, DateTimeOffset connectedAt)
    : SocketSession(id, socket)
{
    public string AccountId { get; } = accountId;

    public string ListenKey { get; } = listenKey;

    public DateTimeOffset ConnectedAt { get; } = connectedAt;

    /// <summary>Last client ping (or the connect time).</summary>
    public DateTimeOffset LastPingAt { get; set; } = connectedAt;

    /// <summary>Arrival times of the incoming messages of the last second.</summary>
    public Queue<DateTimeOffset> Recent { get; } = new();
}
