using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Actors.Cluster;

namespace Engine.Cluster.Tests;

/// <summary>
/// One order of happenings across the nodes of this process: each node's <see cref="LoginHosted"/> and
/// <see cref="LoginReleased"/> (heard on its event stream) and the end of a node's actor system, numbered from one counter,
/// so "the old node's login stopped before the new node's started" is a fact of this order, not of clocks.
/// </summary>
internal sealed class ClusterPartitionLog
{
    private long _next;

    public ConcurrentQueue<(long Seq, int Port, string Login, string What)> Entries { get; } = new();

    public void Record(int port, string login, string what) => Entries.Enqueue((Interlocked.Increment(ref _next), port, login, what));

    /// <summary>Follows <paramref name="node"/>: its logins arriving and leaving, and its actor system ending.</summary>
    public void Follow(ClusterNode node)
    {
        node.System.ActorOf(Props.Create(() => new Listener(this, node.Port)), "test-partition-log");
        node.System.WhenTerminated.ContinueWith(_ => Record(node.Port, "*", "terminated"), TaskScheduler.Default);
    }

    private sealed class Listener : ReceiveActor
    {
        public Listener(ClusterPartitionLog log, int port)
        {
            Receive<LoginHosted>(h => log.Record(port, h.Login.Value, "hosted"));
            Receive<LoginReleased>(r => log.Record(port, r.Login.Value, "released"));
        }

        protected override void PreStart()
        {
            Context.System.EventStream.Subscribe(Self, typeof(LoginHosted));
            Context.System.EventStream.Subscribe(Self, typeof(LoginReleased));
        }
    }
}
