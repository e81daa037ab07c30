namespace Engine.Actors.Strategies;

/// <summary>The outcome of resolving one configured strategy to a startable type: either a type or an error for people.</summary>
/// <param name="Type">The concrete <see cref="StrategyActor"/> subclass; null on error.</param>
/// <param name="Source">Where the type came from (file path or <c>name (loaded)</c>); empty on error.</param>
/// <param name="Error">What was wrong and what was expected; null on success.</param>
internal sealed record StrategyResolution(Type? Type, string Source, string? Error)
{
    public static StrategyResolution Fail(string error) => new(null, string.Empty, error);
}
