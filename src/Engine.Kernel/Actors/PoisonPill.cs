namespace Engine.Kernel.Actors;

/// <summary>An ordinary user message that stops the actor when it is dequeued (after the messages sent before it).</summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}
