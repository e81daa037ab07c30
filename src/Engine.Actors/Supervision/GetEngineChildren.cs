namespace Engine.Actors.Supervision;

/// <summary>Asks <see cref="EngineSupervisor"/> for its children; answered with <see cref="EngineChildren"/>.</summary>
public sealed record GetEngineChildren
{
    /// <summary>The only instance.</summary>
    public static GetEngineChildren Instance { get; } = new();
}
