using Microsoft.Extensions.Configuration;

namespace Engine.Config;

/// <summary>Registers HOCON files with an <see cref="IConfigurationBuilder"/>.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>
    /// Adds a HOCON file (relative paths are relative to the current directory). Substitutions are resolved
    /// within the file, falling back to <paramref name="environment"/> (default: process environment variables).
    /// </summary>
    public static IConfigurationBuilder AddHoconFile(
        this IConfigurationBuilder builder,
        string path,
        bool optional = false,
        Func<string, string?>? environment = null) =>
        builder.Add(new HoconConfigurationSource { Path = path, Optional = optional, Environment = environment });
}
