namespace Engine.Kernel.Actors.Scheduling;

/// <summary>
/// What a keyed timer enqueues: the user message tagged with the key and the generation of the timer that produced it.
/// The cell unwraps it only if that generation is still the key's current one.
/// </summary>
internal sealed class TimerMessage(ActorCell target, object key, int generation, object message)
{
    public object Key { get; } = key;

    public int Generation { get; } = generation;

    public object Message { get; } = message;

    public void Deliver() => target.Tell(this, ActorRefs.NoSender);
}
