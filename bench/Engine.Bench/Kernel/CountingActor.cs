using Engine.Kernel.Actors;

namespace Engine.Bench.Kernel;

/// <summary>Counts deliveries and signals once per delivery; the smallest useful subscriber.</summary>
internal sealed class CountingActor(CountdownEvent done) : ActorBase
{
    protected override bool Receive(object message)
    {
        done.Signal();
        return true;
    }
}
