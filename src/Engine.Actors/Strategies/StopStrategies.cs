namespace Engine.Actors.Strategies;

/// <summary>
/// Tells the <see cref="StrategyHost"/> to stop every strategy (each runs its stop hook, typically canceling its
/// orders) and not to restart any; the host replies <see cref="StrategiesStopped"/> once all have stopped. The first
/// phase of the engine's shutdown. Idempotent: asking again replies again.
/// </summary>
public sealed class StopStrategies
{
    private StopStrategies()
    {
    }

    /// <summary>The single instance.</summary>
    public static StopStrategies Instance { get; } = new();
}
