namespace Engine.Persistence.Journal;

/// <summary>
/// Encodes a tag set in one text column as <c>;a;b;</c> (empty string for no tags) so that
/// "has tag t" is the substring test <c>;t;</c>, free of LIKE wildcards. Pure and thread-safe.
/// </summary>
public static class TagCodec
{
    /// <summary>Column text for <paramref name="tags"/>.</summary>
    public static string Encode(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return tags.Count == 0 ? string.Empty : ";" + string.Join(';', tags) + ";";
    }

    /// <summary>Tags from column text written by <see cref="Encode"/>.</summary>
    public static IReadOnlyList<string> Decode(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Length == 0 ? [] : column.Split(';', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The substring that marks <paramref name="tag"/> inside an encoded column.</summary>
    public static string Needle(string tag)
    {
        ValidateOne(tag, "query");
        return ";" + tag + ";";
    }

    /// <summary>Throws when a tag is empty or contains the separator.</summary>
    public static void Validate(IReadOnlyList<string> tags, string persistenceId)
    {
        ArgumentNullException.ThrowIfNull(tags);
        for (var i = 0; i < tags.Count; i++)
        {
            ValidateOne(tags[i], persistenceId);
        }
    }

    private static void ValidateOne(string tag, string owner)
    {
        if (string.IsNullOrEmpty(tag) || tag.Contains(';', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Tag '{tag}' of '{owner}' must be non-empty and must not contain ';'.");
        }
    }
}
