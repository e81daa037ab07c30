using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Cluster.Tests;

/// <summary>Records, on one node, the latest connection state of every login whose connection runs there.</summary>
internal sealed class StateWatcher : ReceiveActor
{
    public StateWatcher(ConcurrentDictionary<LoginId, ConnectionState> states)
    {
        Receive<ConnectionStateChanged>(c => states[c.Login] = c.State);
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ConnectionStateChanged));
}
