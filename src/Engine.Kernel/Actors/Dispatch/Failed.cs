namespace Engine.Kernel.Actors.Dispatch;

/// <summary>Sent by a suspended child to its parent, which answers with a directive.</summary>
internal sealed class Failed(ActorCell child, Exception cause) : SystemMessage
{
    public ActorCell Child { get; } = child;

    public Exception Cause { get; } = cause;
}
