namespace Engine.Config;

/// <summary>
/// A configuration: an object tree read from HOCON, optionally layered over fallbacks, then resolved.
/// Immutable and safe to share across threads; <see cref="WithFallback"/> and <see cref="Resolve"/> return
/// new instances. Getters need a resolved tree (they throw <see cref="ConfigException"/> when they meet an
/// unresolved substitution) and throw <see cref="ConfigException"/> naming file, line and key when a value
/// is missing or has the wrong type.
/// </summary>
public sealed partial class HoconConfig
{
    private HoconConfig(HoconObject root) => Root = root;

    /// <summary>A configuration with no keys.</summary>
    public static HoconConfig Empty { get; } = new(new HoconObject([], HoconOrigin.None));

    /// <summary>The root object.</summary>
    public HoconObject Root { get; }

    /// <summary>True when no substitution remains.</summary>
    public bool IsResolved => Root.IsResolved;

    /// <summary>The keys of the root object, in order of first definition.</summary>
    public IReadOnlyList<string> Keys => Root.Keys;

    /// <summary>
    /// Parses HOCON text. <paramref name="fileName"/> names the text in origins and errors; includes are
    /// located relative to its directory. The result is not resolved yet: add fallbacks, then <see cref="Resolve"/>.
    /// </summary>
    public static HoconConfig Parse(string text, string fileName = "<string>") =>
        new(new HoconIncludeContext().ParseText(text, fileName));

    /// <summary>Reads and parses a file (not resolved yet). Origins use <paramref name="path"/> as given.</summary>
    public static HoconConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException(new ConfigError(new HoconOrigin(path, 0), string.Empty, $"file not found ({Path.GetFullPath(path)})"));
        }

        return new(new HoconIncludeContext().ParseFile(path, new HoconOrigin(path, 0)));
    }

    /// <summary>Wraps an existing object tree.</summary>
    public static HoconConfig FromObject(HoconObject root) => new(root);

    /// <summary>
    /// Layers this configuration over <paramref name="fallback"/> (e.g. engine.conf over reference.conf): objects
    /// merge, other values in this configuration win, and self-references here see the fallback's values.
    /// </summary>
    public HoconConfig WithFallback(HoconConfig fallback) =>
        new(HoconMerger.MergeObjects(HoconPath.Root, Root, fallback.Root));

    /// <summary>
    /// Replaces every substitution. Paths missing from the tree are looked up with <paramref name="environment"/>
    /// (default: process environment variables; empty counts as missing).
    /// </summary>
    public HoconConfig Resolve(Func<string, string?>? environment = null)
    {
        if (Root.IsResolved)
        {
            return this;
        }

        return new(HoconResolver.Resolve(Root, environment ?? Environment.GetEnvironmentVariable));
    }

    /// <summary>Renders the tree as compact JSON (keys in definition order); numbers keep their written form.</summary>
    public string ToJson() => HoconJson.Render(Root);

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
