namespace Engine.Host.Configuration;

/// <summary>
/// The whole configuration file: a single <c>engine</c> object. Binding the root (not just the
/// <c>engine</c> section) makes a misspelt top-level key such as <c>engin { }</c> an error too.
/// </summary>
public sealed record EngineConfigRoot
{
    /// <summary>Everything the engine reads.</summary>
    public EngineOptions Engine { get; init; } = new();
}
