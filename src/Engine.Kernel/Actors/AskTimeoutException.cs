namespace Engine.Kernel.Actors;

/// <summary>No reply arrived within the ask timeout (measured on the system's TimeProvider). The message names the target and the message type.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    public AskTimeoutException()
    {
    }

    public AskTimeoutException(string message)
        : base(message)
    {
    }

    public AskTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
