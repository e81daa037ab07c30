using Akka.Actor;
using Engine.Actors.Connections;

namespace Engine.Bench.MarketData;

/// <summary>
/// The owner of a bare <see cref="TransportActor"/> in the throughput diagnostic: reports the socket open, counts the
/// frames the transport hands over and completes <paramref name="done"/> at <paramref name="expected"/> of them.
/// </summary>
public sealed class FrameCounter : ReceiveActor
{
    private long _frames;

    /// <summary>Created by <see cref="Props"/>.</summary>
    public FrameCounter(long expected, TaskCompletionSource connected, TaskCompletionSource done)
    {
        Receive<TransportActor.Connected>(_ => connected.TrySetResult());
        Receive<TransportActor.Closed>(c => connected.TrySetException(new InvalidOperationException(c.Reason)));
        Receive<TransportActor.FrameReceived>(_ =>
        {
            if (++_frames == expected)
            {
                done.TrySetResult();
            }
        });
    }

    /// <summary>Props of a counter.</summary>
    public static Props Props(long expected, TaskCompletionSource connected, TaskCompletionSource done) =>
        Akka.Actor.Props.Create(() => new FrameCounter(expected, connected, done));
}
