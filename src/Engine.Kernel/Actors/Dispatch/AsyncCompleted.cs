namespace Engine.Kernel.Actors.Dispatch;

/// <summary>A ReceiveAsync task has completed; resumes the mailbox or reports the failure.</summary>
internal sealed class AsyncCompleted(ActorSynchronizationContext context, Task task) : SystemMessage
{
    public ActorSynchronizationContext Context { get; } = context;

    public Task Task { get; } = task;
}
