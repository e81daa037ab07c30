using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Messages.Risk;

namespace Engine.Cluster.Tests;

/// <summary>Records, on one node, the trading state changes published on its event stream.</summary>
internal sealed class RiskSingletonStateWatcher : ReceiveActor
{
    public RiskSingletonStateWatcher(ConcurrentQueue<TradingStateChanged> heard)
    {
        Receive<TradingStateChanged>(heard.Enqueue);
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(TradingStateChanged));
}
