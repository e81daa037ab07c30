using Akka.Actor;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>An event-stream subscriber that runs <c>inspect</c> on each message, on its own thread, then hands it to the probe.</summary>
internal sealed class InspectingSubscriber(IActorRef probe, Action<object> inspect) : ActorBase
{
    protected override bool Receive(object message)
    {
        inspect(message);
        probe.Tell(message, Self);
        return true;
    }
}
