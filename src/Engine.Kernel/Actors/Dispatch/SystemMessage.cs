namespace Engine.Kernel.Actors.Dispatch;

/// <summary>
/// A lifecycle message. System messages bypass the user queue and are always handled before the next user message,
/// also while the actor is suspended. Each instance is linked into exactly one queue, once.
/// </summary>
internal abstract class SystemMessage
{
    /// <summary>Link in the intrusive system queue; owned by the queue.</summary>
    public SystemMessage? Next;
}
