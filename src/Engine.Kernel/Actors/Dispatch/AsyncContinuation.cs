namespace Engine.Kernel.Actors.Dispatch;

/// <summary>A continuation of a ReceiveAsync handler, run on the actor with the handler's message and sender restored.</summary>
internal sealed class AsyncContinuation(ActorSynchronizationContext context, SendOrPostCallback callback, object? state) : SystemMessage
{
    public ActorSynchronizationContext Context { get; } = context;

    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}
