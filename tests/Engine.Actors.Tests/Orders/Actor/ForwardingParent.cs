using Akka.Actor;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// Stands in for the connection: creates the order book as its <c>orders</c> child, announces it with
/// <see cref="ChildStarted"/>, hands everything the child sends to the probe after running <c>inspect</c> on it
/// synchronously, and forwards everything else to the child keeping the sender. The child's termination reaches the
/// probe by the probe's own watch (Akka delivers <see cref="Terminated"/> only to watchers, never forwarded).
/// </summary>
internal sealed class ForwardingParent(Props childProps, IActorRef probe, Action<object>? inspect) : ActorBase
{
    private IActorRef? _child;

    protected override void PreStart()
    {
        _child = Context.ActorOf(childProps, "orders");
        probe.Tell(new ChildStarted(_child), Self);
    }

    protected override bool Receive(object message)
    {
        if (Equals(Sender, _child))
        {
            inspect?.Invoke(message);
            probe.Tell(message, Self);
        }
        else
        {
            _child!.Tell(message, Sender);
        }

        return true;
    }

    internal sealed record ChildStarted(IActorRef Child);
}
