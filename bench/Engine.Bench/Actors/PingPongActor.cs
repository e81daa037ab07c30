using Akka.Actor;

namespace Engine.Bench.Actors;

/// <summary>Bounces each ball to its partner until the ball's hops are spent, then signals.</summary>
internal sealed class PingPongActor : UntypedActor
{
    private readonly CountdownEvent _done;
    private IActorRef? _partner;

    public PingPongActor(CountdownEvent done) => _done = done;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Ball ball when --ball.Remaining > 0:
                _partner!.Tell(ball, Self);
                break;
            case Ball:
                _done.Signal();
                break;
            case IActorRef partner:
                _partner = partner;
                break;
            default:
                Unhandled(message);
                break;
        }
    }
}
