using System.Net.WebSockets;
using Engine.Simulator.Sockets;

namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// One market-data stream connection (<c>/ws</c>, <c>/ws/…</c>, <c>/stream</c>): its streams in subscription order,
/// whether pushes are wrapped as combined-stream frames, and the times of its recent incoming messages (the 5 per
/// second limit). Every member this type adds is read and written under the simulator's lock.
/// </summary>
internal sealed class BinanceStreamSession(long id, WebSocket socket, bool combined) : SocketSession(id, socket)
{
    /// <summary>Active streams, in the order they were subscribed.</summary>
    public List<string> Streams { get; } = [];

    /// <summary>Pushes are wrapped as <c>{"stream","data"}</c> (default on <c>/stream</c>; <c>SET_PROPERTY combined</c>).</summary>
    public bool Combined { get; set; } = combined;

    /// <summary>Arrival times of the incoming messages of the last second.</summary>
    public Queue<DateTimeOffset> Incoming { get; } = new();
}
