using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;

namespace Engine.Bench.Logins;

/// <summary>
/// One per cluster node: adds every login that publishes <see cref="ConnectionStateChanged"/>(Ready) on the node's event
/// stream to a tally shared by all nodes, and completes <see cref="Done"/> once it holds <see cref="Expected"/> logins
/// (each counted once, wherever it became Ready first); a fatal state fails it.
/// </summary>
internal sealed class ClusterReadyTally : ReceiveActor
{
    public ClusterReadyTally(ConcurrentDictionary<LoginId, byte> ready, int expected, TaskCompletionSource done)
    {
        Expected = expected;
        Done = done;
        Receive<ConnectionStateChanged>(changed =>
        {
            if (changed.IsFatal)
            {
                done.TrySetException(new InvalidOperationException($"login {changed.Login} failed for good: {changed.VenueCode} {changed.VenueText}"));
            }
            else if (changed.State == ConnectionState.Ready && ready.TryAdd(changed.Login, 0) && ready.Count >= expected)
            {
                done.TrySetResult();
            }
        });
    }

    public int Expected { get; }

    public TaskCompletionSource Done { get; }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(ConnectionStateChanged));
}
