using Akka.Actor;

namespace Engine.Actors.Tests.Strategies;

/// <summary>An actor that is not a strategy: the host must refuse it.</summary>
public sealed class NotAStrategy : ReceiveActor
{
}
