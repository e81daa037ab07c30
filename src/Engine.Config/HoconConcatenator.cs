using System.Text;

namespace Engine.Config;

/// <summary>
/// Joins the parts of a value concatenation once they are known: all objects merge (later wins), all lists
/// append, all scalars join into one string keeping the whitespace written between them. A missing optional
/// part is skipped; mixing kinds is an error naming the file and line.
/// </summary>
internal static class HoconConcatenator
{
    /// <summary>Returns the joined value, or null when every part was missing.</summary>
    public static HoconElement? Combine(IReadOnlyList<HoconElement?> parts, IReadOnlyList<string> spaces, HoconOrigin origin, HoconPath path)
    {
        HoconElement? first = null;
        var count = 0;
        foreach (var part in parts)
        {
            if (part is not null)
            {
                first ??= part;
                count++;
            }
        }

        if (first is null)
        {
            return null;
        }

        if (count == 1)
        {
            return first;
        }

        return first switch
        {
            HoconObject => CombineObjects(parts, origin, path),
            HoconArray => CombineArrays(parts, origin, path),
            _ => CombineStrings(parts, spaces, origin, path),
        };
    }

    private static HoconObject CombineObjects(IReadOnlyList<HoconElement?> parts, HoconOrigin origin, HoconPath path)
    {
        HoconObject? result = null;
        foreach (var part in parts)
        {
            if (part is null)
            {
                continue;
            }

            if (part is not HoconObject obj)
            {
                throw Mismatch(origin, path, "an object", part);
            }

            result = result is null ? obj : HoconMerger.MergeObjects(path, obj, result);
        }

        return result!;
    }

    private static HoconArray CombineArrays(IReadOnlyList<HoconElement?> parts, HoconOrigin origin, HoconPath path)
    {
        var items = new List<HoconElement>();
        foreach (var part in parts)
        {
            if (part is null)
            {
                continue;
            }

            if (part is not HoconArray array)
            {
                throw Mismatch(origin, path, "a list", part);
            }

            items.AddRange(array.Items);
        }

        return new HoconArray(items, origin);
    }

    private static HoconValue CombineStrings(IReadOnlyList<HoconElement?> parts, IReadOnlyList<string> spaces, HoconOrigin origin, HoconPath path)
    {
        var builder = new StringBuilder();
        var environment = new List<string>();
        var any = false;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part is null)
            {
                continue;
            }

            if (part is not HoconValue scalar)
            {
                throw Mismatch(origin, path, "a string", part);
            }

            if (any)
            {
                builder.Append(spaces[i]);
            }

            builder.Append(scalar.Text);
            if (scalar.EnvironmentSource is { } source)
            {
                environment.Add(source);
            }

            any = true;
        }

        return new HoconValue(HoconValueKind.String, builder.ToString(), origin)
        {
            EnvironmentSource = environment.Count == 0 ? null : string.Join(", ", environment),
        };
    }

    private static ConfigException Mismatch(HoconOrigin origin, HoconPath path, string expected, HoconElement found) =>
        new(new ConfigError(origin, path.ToString(), $"cannot concatenate {expected} with {Kind(found)}"));

    private static string Kind(HoconElement element) => element switch
    {
        HoconObject => "an object",
        HoconArray => "a list",
        _ => "a string",
    };
}
