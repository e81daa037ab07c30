namespace Engine.Kernel.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers, tried in registration order; the first that matches handles
/// the message. Register handlers in the constructor (initial behaviour) or inside the action given to
/// <see cref="Become"/>/<see cref="BecomeStacked"/> (a fresh behaviour).
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly HandlerList _initial = new();
    private HandlerList? _building;

    /// <summary>Handles <typeparamref name="T"/> messages.</summary>
    protected void Receive<T>(Action<T> handler) => Target.Add(new ActionHandler<T>(handler, null));

    /// <summary>Handles <typeparamref name="T"/> messages that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle) => Target.Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles <typeparamref name="T"/> messages that satisfy <paramref name="shouldHandle"/>.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) => Target.Add(new ActionHandler<T>(handler, shouldHandle));

    /// <summary>Handles <typeparamref name="T"/> messages; returning false passes the message on to later handlers.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Target.Add(new FuncHandler<T>(handler));

    /// <summary>Handles every message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Target.Add(new ActionHandler<object>(handler, null));

    /// <summary>
    /// Handles <typeparamref name="T"/> asynchronously: the mailbox is suspended (system messages still run) until the
    /// task completes; continuations run one at a time on the actor with <c>Sender</c> preserved. A faulted task is a
    /// failure of this message and goes to supervision.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Target.Add(new AsyncHandler<T>(handler, shouldHandle));

    /// <summary>Replaces the current behaviour with the handlers registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure) => Context.Become(Build(configure).Handle);

    /// <summary>Pushes the handlers registered by <paramref name="configure"/> as the current behaviour.</summary>
    protected void BecomeStacked(Action configure) => Context.BecomeStacked(Build(configure).Handle);

    /// <summary>Returns to the behaviour below the current one.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    protected internal sealed override bool Receive(object message) => _initial.Handle(message);

    private HandlerList Target => _building ?? _initial;

    private HandlerList Build(Action configure)
    {
        var previous = _building;
        var list = new HandlerList();
        _building = list;
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return list;
    }
}
