using Microsoft.Extensions.Configuration;

namespace Engine.Config;

/// <summary>An <see cref="IConfigurationSource"/> reading one HOCON file (with its includes), resolved.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    /// <summary>The file to read.</summary>
    public required string Path { get; init; }

    /// <summary>When true, a missing file yields no keys instead of an error.</summary>
    public bool Optional { get; init; }

    /// <summary>The environment lookup for unresolved substitutions; null means process environment variables.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new HoconConfigurationProvider(this);
}
