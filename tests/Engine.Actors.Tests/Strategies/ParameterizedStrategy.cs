using Engine.Actors.Strategies;

namespace Engine.Actors.Tests.Strategies;

/// <summary>A strategy with a parameters record; reports its bound parameters to the "connections" probe on start.</summary>
public sealed class ParameterizedStrategy : StrategyActor<ParameterizedStrategy.Options>
{
    public ParameterizedStrategy(StrategyContext context)
        : base(context)
    {
    }

    protected override void OnStart() => Connections.Tell(Settings, Self);

    public sealed record Options
    {
        public int Levels { get; init; } = 1;

        public decimal SpreadBps { get; init; } = 10m;
    }
}
