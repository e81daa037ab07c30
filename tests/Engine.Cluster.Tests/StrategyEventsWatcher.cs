using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Messages;

namespace Engine.Cluster.Tests;

/// <summary>
/// Records every login event published on one node's event stream, where that node's strategies hear them
/// (<c>StrategyActor</c> subscribes to the stream): a duplicate delivery shows as two equal records.
/// </summary>
internal sealed class StrategyEventsWatcher : ReceiveActor
{
    public StrategyEventsWatcher(ConcurrentQueue<ILoginEvent> heard)
    {
        Receive<ILoginEvent>(heard.Enqueue);
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ILoginEvent));
}
