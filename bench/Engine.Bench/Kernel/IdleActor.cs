using Engine.Kernel.Actors;

namespace Engine.Bench.Kernel;

/// <summary>A typical small actor: one typed handler, signals once started.</summary>
internal sealed class IdleActor : ReceiveActor
{
    private readonly CountdownEvent _started;

    public IdleActor(CountdownEvent started)
    {
        _started = started;
        Receive<string>(_ => Sender.Tell("pong"));
    }

    protected override void PreStart() => _started.Signal();
}
