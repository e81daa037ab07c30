namespace Engine.Kernel.Actors;

/// <summary>One typed entry of a <see cref="HandlerList"/>.</summary>
internal abstract class ReceiveHandler
{
    /// <summary>Handles the message and returns true if it matches.</summary>
    public abstract bool TryHandle(object message);
}
