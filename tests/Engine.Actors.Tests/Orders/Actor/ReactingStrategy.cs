using Akka.Actor;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// A strategy stand-in that reacts to every order event it is handed (subscribe it to <see cref="IOrderEvent"/> on the
/// event stream) at once: it tells the book whatever <c>react</c> returns for the event, in that order, as the sender.
/// Answers to it (rejections) are dropped.
/// </summary>
internal sealed class ReactingStrategy(IActorRef book, Func<IOrderEvent, IEnumerable<object>> react) : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is IOrderEvent orderEvent)
        {
            foreach (var command in react(orderEvent))
            {
                book.Tell(command, Self);
            }
        }

        return true;
    }
}
