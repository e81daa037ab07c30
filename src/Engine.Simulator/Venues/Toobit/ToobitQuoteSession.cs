using System.Net.WebSockets;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>One quote WebSocket connection (<c>/quote/ws/v1</c>). Every member this type adds is read and written under the simulator's lock.</summary>
internal sealed class ToobitQuoteSession(long id, WebSocket socket, DateTimeOffset connectedAt)
    : SocketSession(id, socket)
{
    /// <summary>The (topic, symbol) pairs subscribed: <c>("diffDepth", "BTCUSDT")</c>, <c>("kline_1m", "ETHUSDT")</c>.</summary>
    public HashSet<(string Topic, string Symbol)> Subscriptions { get; } = [];

    /// <summary>Last message from the client (or the connect time); a socket silent for the idle timeout is closed.</summary>
    public DateTimeOffset LastHeardAt { get; set; } = connectedAt;
}
