using Engine.Config;
using Engine.Simulator.Hosting;

namespace Engine.Host.Configuration;

/// <summary>
/// A loaded, resolved and strictly bound configuration: the file the operator chose layered over the
/// embedded <c>reference.conf</c>. Loading is the same for <c>engine run</c> and <c>engine check-config</c>,
/// so a file that passes the check starts.
/// </summary>
public sealed record EngineConfiguration(string SourceFile, HoconConfig Config, EngineOptions Options)
{
    /// <summary>Default configuration file, relative to the working directory or to the installed binaries.</summary>
    public const string DefaultFile = "hocon/engine.conf";

    /// <summary>
    /// Loads <paramref name="path"/> (or the default file) over the embedded reference configuration,
    /// resolves substitutions against <paramref name="environment"/> and binds every section.
    /// </summary>
    /// <exception cref="ConfigException">The file is missing, malformed or has an unknown key or a bad value;
    /// each error names file:line and key.</exception>
    public static EngineConfiguration Load(string? path, Func<string, string?>? environment = null)
    {
        var file = path ?? LocateDefault();
        var reference = HoconConfig.Parse(ReadReference(), "reference.conf");
        var config = HoconConfig.Load(file).WithFallback(reference).Resolve(environment);
        var root = config.Bind<EngineConfigRoot>(string.Empty);
        ThrowIfInvalid(config, "engine.simulator", SimulatorOptionsValidator.Validate(root.Engine.Simulator));
        ThrowIfInvalid(config, "engine.journal", PluginProblems(root.Engine.Journal.ResolvedPlugin(), root.Engine.Journal.ResolvedDatabase()));
        ThrowIfInvalid(config, "engine.snapshot-store", PluginProblems(root.Engine.SnapshotStore.ResolvedPlugin(), root.Engine.SnapshotStore.ResolvedDatabase()));
        ThrowIfInvalid(config, "engine.cluster", Cluster.ClusterConfigCheck.Problems(root.Engine));
        return new EngineConfiguration(file, config, root.Engine);
    }

    /// <summary>Cross-field checks that a section's own validator reports without a line: pinned to the section.</summary>
    private static void ThrowIfInvalid(HoconConfig config, string section, IReadOnlyList<string> problems)
    {
        if (problems.Count > 0)
        {
            var origin = config.HasPath(section) ? config.Origin(section) : HoconOrigin.None;
            throw new ConfigException([.. problems.Select(p => new ConfigError(origin, section, p))]);
        }
    }

    /// <summary>Akka.Persistence.Sql has no in-memory database: refused here rather than when Akka's config is built.</summary>
    private static IReadOnlyList<string> PluginProblems(string plugin, string database) =>
        plugin == "akka-sql" && database == "in-memory"
            ? ["the akka-sql plugin runs on sqlite or postgresql, not 'in-memory'; use plugin = engine for an in-memory database"]
            : [];

    private static string LocateDefault()
    {
        if (File.Exists(DefaultFile))
        {
            return DefaultFile;
        }

        var installed = Path.Combine(AppContext.BaseDirectory, DefaultFile);
        return File.Exists(installed) ? installed : DefaultFile;
    }

    private static string ReadReference()
    {
        using var stream = typeof(EngineConfiguration).Assembly.GetManifestResourceStream("Engine.Host.reference.conf")
            ?? throw new InvalidOperationException("the embedded reference.conf is missing from the engine build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
