namespace Engine.Config;

/// <summary>
/// Reads the files of one parse (the top file and everything it includes) and detects include cycles.
/// Relative includes are located beside the including file; text parsed from a string includes relative to
/// the current directory. A missing include is an error naming the including file and line (stricter than
/// the spec, which ignores it: a typo in an include must not silently drop configuration).
/// </summary>
internal sealed class HoconIncludeContext
{
    private readonly HashSet<string> _active = new(StringComparer.Ordinal);

    public HoconObject ParseFile(string path, HoconOrigin at)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(new ConfigError(at, string.Empty, $"cannot read \"{path}\": {ex.Message}"));
        }

        var full = Path.GetFullPath(path);
        if (!_active.Add(full))
        {
            throw new ConfigException(new ConfigError(at, string.Empty, $"include cycle: \"{path}\" includes itself"));
        }

        try
        {
            return HoconParser.ParseDocument(text, path, this, HoconPath.Root);
        }
        finally
        {
            _active.Remove(full);
        }
    }

    public HoconObject ParseText(string text, string file) => HoconParser.ParseDocument(text, file, this, HoconPath.Root);

    public HoconObject Include(string name, string includingFile, HoconOrigin at, HoconPath prefix)
    {
        var directory = Path.GetDirectoryName(includingFile) ?? string.Empty;
        var candidate = Path.IsPathRooted(name) ? name : Path.Combine(directory, name);
        var found = File.Exists(candidate) ? candidate
            : Path.GetExtension(candidate).Length == 0 && File.Exists(candidate + ".conf") ? candidate + ".conf"
            : null;
        if (found is null)
        {
            throw new ConfigException(new ConfigError(at, string.Empty, $"include \"{name}\": file not found ({Path.GetFullPath(candidate)})"));
        }

        var full = Path.GetFullPath(found);
        if (!_active.Add(full))
        {
            throw new ConfigException(new ConfigError(at, string.Empty, $"include cycle: \"{name}\" is already being read"));
        }

        try
        {
            string text;
            try
            {
                text = File.ReadAllText(found);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ConfigException(new ConfigError(at, string.Empty, $"include \"{name}\": {ex.Message}"));
            }

            return HoconParser.ParseDocument(text, found, this, prefix);
        }
        finally
        {
            _active.Remove(full);
        }
    }
}
