namespace Engine.Kernel.Actors;

/// <summary>Matches <typeparamref name="T"/> and runs an async handler with the mailbox suspended until it completes.</summary>
internal sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            var cell = ActorCell.Current
                ?? throw new InvalidOperationException("ReceiveAsync handlers run only inside the actor.");
            cell.RunAsync(() => handler(typed));
            return true;
        }

        return false;
    }
}
