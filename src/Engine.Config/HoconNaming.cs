using System.Text;

namespace Engine.Config;

/// <summary>Maps .NET member names to HOCON keys: PascalCase to kebab-case (<c>MaxBatch</c> to <c>max-batch</c>). Pure.</summary>
public static class HoconNaming
{
    /// <summary>The kebab-case form: words split at lower-to-upper and acronym-to-word boundaries, lowercased, joined by '-'.</summary>
    public static string ToKebabCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || acronymEnds)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c == '_')
            {
                builder.Append('-');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Lowercase with '-' and '_' removed, for case- and separator-insensitive enum matching.</summary>
    internal static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('-' or '_'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
