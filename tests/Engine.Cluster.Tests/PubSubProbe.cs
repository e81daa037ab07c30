using System.Collections.Concurrent;
using Akka.Actor;

namespace Engine.Cluster.Tests;

/// <summary>Records, on the node of port <c>to</c>, each node whose <see cref="PubSubPing"/> reached it over distributed pub-sub.</summary>
internal sealed class PubSubProbe : ReceiveActor
{
    public PubSubProbe(int to, ConcurrentDictionary<(int From, int To), byte> heard)
    {
        Receive<PubSubPing>(p => heard.TryAdd((p.From, to), 0));
    }
}
