namespace Engine.Kernel.Actors;

/// <summary>Matches <typeparamref name="T"/>; the function decides whether it handled the message.</summary>
internal sealed class FuncHandler<T>(Func<T, bool> handler) : ReceiveHandler
{
    public override bool TryHandle(object message) => message is T typed && handler(typed);
}
