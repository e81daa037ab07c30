namespace Engine.Kernel.Actors.Dispatch;

/// <summary>
/// Installed while a ReceiveAsync handler runs: every continuation posted to it is queued as a system message of the
/// actor, so the handler's code after an await runs serialised with the actor, never concurrently with it.
/// </summary>
internal sealed class ActorSynchronizationContext(ActorCell cell, object message, IActorRef? sender) : SynchronizationContext
{
    public ActorCell Cell { get; } = cell;

    public object Message { get; } = message;

    public IActorRef? Sender { get; } = sender;

    public override void Post(SendOrPostCallback d, object? state) =>
        Cell.SendSystemMessage(new AsyncContinuation(this, d, state));

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send is not supported on an actor context.");

    public override SynchronizationContext CreateCopy() => this;
}
