namespace Engine.Kernel.Actors;

/// <summary>Thrown when an actor does not handle a Terminated for an actor it watches; the default strategy stops it.</summary>
public sealed class DeathPactException : Exception
{
    public DeathPactException()
    {
    }

    public DeathPactException(string message)
        : base(message)
    {
    }

    public DeathPactException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
