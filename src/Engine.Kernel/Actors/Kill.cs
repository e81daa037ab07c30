namespace Engine.Kernel.Actors;

/// <summary>A user message that makes the actor throw <see cref="ActorKilledException"/> (default strategy: stop).</summary>
public sealed class Kill
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}
