using System.Net.WebSockets;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Tests.Sockets;

/// <summary>A venue-less session: only what <see cref="SocketSession"/> provides.</summary>
internal sealed class TestSession(long id, WebSocket socket) : SocketSession(id, socket);
