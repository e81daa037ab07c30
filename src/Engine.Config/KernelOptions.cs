using System.ComponentModel.DataAnnotations;

namespace Engine.Config;

/// <summary>The <c>engine.kernel</c> section: actor runtime settings. Defaults match <c>hocon/reference.conf</c>.</summary>
public sealed record KernelOptions : IValidatableOptions
{
    /// <summary>The section path in the configuration.</summary>
    public const string Section = "engine.kernel";

    /// <summary>At most this many user messages are handled per actor turn before the actor yields its thread.</summary>
    [Range(1, 10000)]
    public int Throughput { get; init; } = 30;

    /// <summary>The default deadline of an <c>Ask</c> when the caller gives none.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (AskTimeout <= TimeSpan.Zero)
        {
            yield return $"ask-timeout must be positive, got {AskTimeout}";
        }
    }
}
