using System.Text.Json;

namespace Engine.Actors.Tests.Venues;

/// <summary>Loads golden frames copied beside the test assembly and compares JSON by meaning.</summary>
internal static class GoldenFrames
{
    public static string Directory(string venue) => Path.Combine(AppContext.BaseDirectory, "Venues", venue, "golden");

    public static IEnumerable<string> Names(string venue) =>
        System.IO.Directory.EnumerateFiles(Directory(venue), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static byte[] Read(string venue, string name) => File.ReadAllBytes(Path.Combine(Directory(venue), name + ".json"));

    /// <summary>
    /// Same JSON: the same property names (any order), the same value kinds, strings equal, numbers equal
    /// as decimals (100 and 100.0 are the same number); returns the first difference as a path, or null.
    /// </summary>
    public static string? Difference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: {expected.ValueKind} expected, {actual.ValueKind} found";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
                if (!names.SequenceEqual(actualNames, StringComparer.Ordinal))
                {
                    return $"{path}: fields [{string.Join(",", names)}] expected, [{string.Join(",", actualNames)}] found";
                }

                foreach (var name in names)
                {
                    if (Difference(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: {expected.GetArrayLength()} items expected, {actual.GetArrayLength()} found";
                }

                return expected.EnumerateArray().Zip(actual.EnumerateArray())
                    .Select((pair, i) => Difference(pair.First, pair.Second, $"{path}[{i}]"))
                    .FirstOrDefault(d => d is not null);
            case JsonValueKind.Number:
                return expected.GetDecimal() == actual.GetDecimal() ? null : $"{path}: {expected} expected, {actual} found";
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: \"{expected}\" expected, \"{actual}\" found";
            default:
                return null;
        }
    }
}
