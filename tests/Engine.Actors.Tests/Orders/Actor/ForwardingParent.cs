using Engine.Kernel.Actors;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// Stands in for the connection: creates the order book as its <c>orders</c> child, announces it with
/// <see cref="ChildStarted"/>, hands everything the child sends (and the child's <see cref="Terminated"/>) to the
/// probe after running <c>inspect</c> on it synchronously, and forwards everything else to the child keeping the sender.
/// </summary>
internal sealed class ForwardingParent(Props childProps, IActorRef probe, Action<object>? inspect) : ActorBase
{
    private IActorRef? _child;

    protected override void PreStart()
    {
        _child = Context.ActorOf(childProps, "orders");
        Context.Watch(_child);
        probe.Tell(new ChildStarted(_child), Self);
    }

    protected override bool Receive(object message)
    {
        if (message is Terminated || Equals(Sender, _child))
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
