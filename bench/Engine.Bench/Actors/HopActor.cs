using Akka.Actor;

namespace Engine.Bench.Actors;

/// <summary>
/// One link of the request chain (supervisor → backoff → connection → orders): forwards every message to the next
/// link keeping the original sender, or, as the last link (no next), answers the sender with the message itself.
/// </summary>
internal sealed class HopActor : UntypedActor
{
    private readonly IActorRef? _next;

    public HopActor(IActorRef? next) => _next = next;

    protected override void OnReceive(object message)
    {
        if (_next is { } next)
        {
            next.Forward(message);
        }
        else
        {
            Sender.Tell(message, Self);
        }
    }
}
