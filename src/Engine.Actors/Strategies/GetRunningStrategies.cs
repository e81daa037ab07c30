namespace Engine.Actors.Strategies;

/// <summary>Asks the <see cref="StrategyHost"/> which strategies it still supervises; answered by <see cref="RunningStrategies"/>.</summary>
public sealed class GetRunningStrategies
{
    private GetRunningStrategies()
    {
    }

    /// <summary>The single instance.</summary>
    public static GetRunningStrategies Instance { get; } = new();
}
