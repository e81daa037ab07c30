using System.Collections.Concurrent;
using Engine.Kernel.Actors;

namespace Engine.TestKit;

/// <summary>Puts every message (with its sender) into the probe's queue; also performs Watch/Unwatch for the probe.</summary>
internal sealed class ProbeActor(BlockingCollection<(object Message, IActorRef Sender)> queue) : ActorBase
{
    protected internal override bool Receive(object message)
    {
        switch (message)
        {
            case WatchRequest watch:
                Context.Watch(watch.Subject);
                watch.Done.TrySetResult();
                break;
            case UnwatchRequest unwatch:
                Context.Unwatch(unwatch.Subject);
                unwatch.Done.TrySetResult();
                break;
            default:
                queue.Add((message, Sender));
                break;
        }

        return true;
    }

    internal sealed record WatchRequest(IActorRef Subject, TaskCompletionSource Done);

    internal sealed record UnwatchRequest(IActorRef Subject, TaskCompletionSource Done);
}
