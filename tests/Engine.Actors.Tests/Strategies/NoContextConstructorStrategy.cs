using Engine.Actors.Strategies;

namespace Engine.Actors.Tests.Strategies;

/// <summary>A strategy without the public (StrategyContext) constructor: the host must refuse it.</summary>
public sealed class NoContextConstructorStrategy : StrategyActor
{
    public NoContextConstructorStrategy(StrategyContext context, int extra)
        : base(context)
    {
        Receive<int>(_ => Connections.Tell(extra, Self));
    }
}
