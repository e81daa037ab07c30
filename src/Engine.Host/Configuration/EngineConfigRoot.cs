using Engine.Config;

namespace Engine.Host.Configuration;

/// <summary>
/// The whole configuration file: an <c>engine</c> object, bound strictly, and an optional <c>akka</c> object, handed to
/// Akka.NET as written. Binding the root (not just the <c>engine</c> section) makes a misspelt top-level key such as
/// <c>engin { }</c> an error too.
/// </summary>
public sealed record EngineConfigRoot
{
    /// <summary>Everything the engine reads.</summary>
    public EngineOptions Engine { get; init; } = new();

    /// <summary>Akka.NET's own settings (dispatchers, persistence plugins, loggers...), passed through unchanged.</summary>
    public HoconConfig? Akka { get; init; }
}
