namespace Engine.Kernel.Actors;

/// <summary>Construction, PreStart or PostRestart of an actor failed; the default strategy stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    public ActorInitializationException()
    {
    }

    public ActorInitializationException(string message)
        : base(message)
    {
    }

    public ActorInitializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
