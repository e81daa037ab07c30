using System.Globalization;

namespace Engine.Config;

/// <summary>
/// Keeps an error report readable whatever the input: exact repeats are dropped, the same message at the same line for
/// the same key of many list items (one bad line repeated through a list) becomes one error that says how many keys it
/// covers, and the report stops after <see cref="MaxErrors"/> errors with one line counting the rest. Order is kept. Pure.
/// </summary>
internal static class ConfigErrorCondenser
{
    /// <summary>The most errors one report lists; the rest are counted in a last line.</summary>
    public const int MaxErrors = 100;

    public static IReadOnlyList<ConfigError> Condense(IReadOnlyList<ConfigError> errors)
    {
        if (errors.Count <= 1)
        {
            return errors;
        }

        var groups = new List<(ConfigError First, HashSet<string> Paths)>();
        var byLine = new Dictionary<(HoconOrigin Origin, string Message, string Shape), int>();
        foreach (var error in errors)
        {
            var key = (error.Origin, error.Message, Shape(error.Path));
            if (byLine.TryGetValue(key, out var at))
            {
                groups[at].Paths.Add(error.Path);
                continue;
            }

            byLine[key] = groups.Count;
            groups.Add((error, new HashSet<string>(StringComparer.Ordinal) { error.Path }));
        }

        var condensed = new List<ConfigError>(Math.Min(groups.Count, MaxErrors + 1));
        foreach (var (first, paths) in groups.Take(MaxErrors))
        {
            condensed.Add(paths.Count == 1
                ? first
                : first with { Message = string.Create(CultureInfo.InvariantCulture, $"{first.Message} (and at {paths.Count - 1} more list item(s) from the same line)") });
        }

        if (groups.Count > MaxErrors)
        {
            var rest = groups.Count - MaxErrors;
            condensed.Add(new ConfigError(groups[MaxErrors].First.Origin, string.Empty, string.Create(CultureInfo.InvariantCulture, $"{rest} more error(s) not listed; fix the ones above first")));
        }

        return condensed;
    }

    /// <summary>The path with list indexes blanked: <c>a.list.7.b</c> and <c>a.list.9.b</c> are the same key of different items.</summary>
    private static string Shape(string path) =>
        string.Join('.', path.Split('.').Select(segment => segment.Length > 0 && segment.All(char.IsAsciiDigit) ? "*" : segment));
}
