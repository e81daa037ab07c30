using System.Net.WebSockets;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>One client socket with the time of its last counted activity (§5 idle close), read and written under the simulator's lock.</summary>
internal sealed class QuantSession(long id, WebSocket socket, DateTimeOffset openedAt) : SocketSession(id, socket)
{
    public DateTimeOffset LastActivity { get; set; } = openedAt;
}
