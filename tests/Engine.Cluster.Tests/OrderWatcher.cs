using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Cluster.Tests;

/// <summary>Records, on one node, the order events its books publish: client order id -> event names, in order.</summary>
internal sealed class OrderWatcher : ReceiveActor
{
    public OrderWatcher(ConcurrentDictionary<ClientOrderId, ConcurrentQueue<string>> events)
    {
        Receive<IOrderEvent>(e => events.GetOrAdd(e.ClientOrderId, _ => new ConcurrentQueue<string>()).Enqueue(e.GetType().Name));
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(IOrderEvent));
}
