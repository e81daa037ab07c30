namespace Engine.Kernel.Actors;

/// <summary>An ordered list of typed handlers forming one behaviour of a <see cref="ReceiveActor"/>.</summary>
internal sealed class HandlerList
{
    private ReceiveHandler[] _handlers = [];

    public void Add(ReceiveHandler handler) => _handlers = [.. _handlers, handler];

    public bool Handle(object message)
    {
        foreach (var handler in _handlers)
        {
            if (handler.TryHandle(message))
            {
                return true;
            }
        }

        return false;
    }
}
