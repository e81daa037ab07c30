namespace Engine.Kernel.Actors;

/// <summary>Thrown inside an actor that received Kill; the default strategy stops it.</summary>
public sealed class ActorKilledException : Exception
{
    public ActorKilledException()
    {
    }

    public ActorKilledException(string message)
        : base(message)
    {
    }

    public ActorKilledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
