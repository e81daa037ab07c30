namespace Engine.Kernel.Actors;

/// <summary>An actor name is empty, reserved, malformed or already taken by a live sibling.</summary>
public sealed class InvalidActorNameException : Exception
{
    public InvalidActorNameException()
    {
    }

    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
