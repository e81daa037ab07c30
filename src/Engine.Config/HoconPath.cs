using System.Text;

namespace Engine.Config;

/// <summary>
/// A path expression split into keys: <c>a.b."c.d"</c> is [a, b, c.d]. Immutable; equality is by segments.
/// </summary>
public sealed class HoconPath : IEquatable<HoconPath>
{
    private readonly string[] _segments;

    /// <summary>Creates a path from its segments.</summary>
    public HoconPath(IEnumerable<string> segments) => _segments = [.. segments];

    /// <summary>The empty path (the root).</summary>
    public static HoconPath Root { get; } = new([]);

    /// <summary>The keys from the root.</summary>
    public IReadOnlyList<string> Segments => _segments;

    /// <summary>The number of keys.</summary>
    public int Length => _segments.Length;

    /// <summary>
    /// Parses a path expression as used by getters: unquoted keys separated by dots, double-quoted keys may
    /// contain dots. Throws <see cref="ConfigException"/> on an empty key.
    /// </summary>
    public static HoconPath Parse(string expression)
    {
        if (expression.Length == 0)
        {
            return Root;
        }

        var segments = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        var quotedSegment = false;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (c == '"')
            {
                var end = expression.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new ConfigException(new ConfigError(HoconOrigin.None, expression, "unterminated quote in path"));
                }

                current.Append(expression, i + 1, end - i - 1);
                quotedSegment = true;
                i = end + 1;
            }
            else if (c == '.')
            {
                AddSegment();
                i++;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        AddSegment();
        return new HoconPath(segments);

        void AddSegment()
        {
            if (current.Length == 0 && !quotedSegment)
            {
                throw new ConfigException(new ConfigError(HoconOrigin.None, expression, "empty key in path"));
            }

            segments.Add(current.ToString());
            current.Clear();
            quotedSegment = false;
        }
    }

    /// <summary>This path followed by one more key.</summary>
    public HoconPath Append(string key) => new([.. _segments, key]);

    /// <summary>This path followed by another.</summary>
    public HoconPath Append(HoconPath other) => new([.. _segments, .. other._segments]);

    /// <summary>The path without its first <paramref name="count"/> keys.</summary>
    public HoconPath Skip(int count) => new(_segments.Skip(count));

    /// <summary>True when <paramref name="prefix"/> equals this path or is an ancestor of it.</summary>
    public bool StartsWith(HoconPath prefix)
    {
        if (prefix._segments.Length > _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix._segments.Length; i++)
        {
            if (!string.Equals(prefix._segments[i], _segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(HoconPath? other) =>
        other is not null && other._segments.Length == _segments.Length && StartsWith(other);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as HoconPath);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var segment in _segments)
        {
            hash.Add(segment, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>Renders the path, quoting keys that are empty or hold characters that a bare key cannot.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            if (NeedsQuotes(segment))
            {
                builder.Append(HoconValue.Quote(segment));
            }
            else
            {
                builder.Append(segment);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsQuotes(string segment)
    {
        if (segment.Length == 0)
        {
            return true;
        }

        foreach (var c in segment)
        {
            if (c == '.' || HoconLexer.IsForbiddenInUnquoted(c) || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
