using Engine.Kernel.Actors;

namespace Engine.Bench.Kernel;

/// <summary>Bounces each ball to its partner until the ball's hops are spent, then signals.</summary>
internal sealed class PingPongActor : ActorBase
{
    private readonly CountdownEvent _done;
    private IActorRef? _partner;

    public PingPongActor(CountdownEvent done) => _done = done;

    protected override bool Receive(object message)
    {
        if (message is Ball ball)
        {
            if (--ball.Remaining > 0)
            {
                _partner!.Tell(ball, Self);
            }
            else
            {
                _done.Signal();
            }

            return true;
        }

        if (message is IActorRef partner)
        {
            _partner = partner;
            return true;
        }

        return false;
    }
}
