namespace Engine.Kernel.Actors;

/// <summary>Matches <typeparamref name="T"/> (and an optional predicate) and runs an action.</summary>
internal sealed class ActionHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
{
    public override bool TryHandle(object message)
    {
        if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
        {
            handler(typed);
            return true;
        }

        return false;
    }
}
