namespace Engine.Config;

/// <summary>
/// The one merge rule used for duplicate keys, includes, concatenated objects and fallbacks: a later object
/// merges with an earlier object, anything else overrides; a later value that is not yet resolved keeps the
/// earlier one beneath it (<see cref="HoconDelayedMerge"/>) and a self-reference (<c>a = ${a} ...</c>) is
/// replaced by the earlier value. Pure; never mutates its inputs.
/// </summary>
internal static class HoconMerger
{
    /// <summary>Merges <paramref name="next"/> (later, wins) over <paramref name="previous"/> for the field at <paramref name="path"/>.</summary>
    public static HoconElement MergeField(HoconPath path, HoconElement? previous, HoconElement next)
    {
        if (previous is null)
        {
            return next;
        }

        if (next is HoconObject nextObject)
        {
            return previous switch
            {
                HoconObject previousObject => MergeObjects(path, nextObject, previousObject),
                HoconSubstitution or HoconConcatenation or HoconDelayedMerge => new HoconDelayedMerge(next, previous),
                _ => nextObject.WithIgnoresFallbacks(true),
            };
        }

        if (next is HoconSubstitution or HoconConcatenation or HoconDelayedMerge)
        {
            if (ContainsSelfReference(next, path))
            {
                return ReplaceSelfReferences(next, path, previous);
            }

            return new HoconDelayedMerge(next, previous);
        }

        if (next is HoconArray && ContainsSelfReference(next, path))
        {
            return ReplaceSelfReferences(next, path, previous);
        }

        return next;
    }

    /// <summary>Merges two objects field by field; <paramref name="top"/> wins.</summary>
    public static HoconObject MergeObjects(HoconPath path, HoconObject top, HoconObject under)
    {
        if (top.IgnoresFallbacks)
        {
            return top;
        }

        var fields = new List<KeyValuePair<string, HoconElement>>(under.Count + top.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in under.Fields)
        {
            index[key] = fields.Count;
            fields.Add(new(key, value));
        }

        foreach (var (key, value) in top.Fields)
        {
            if (index.TryGetValue(key, out var at))
            {
                fields[at] = new(key, MergeField(path.Append(key), fields[at].Value, value));
            }
            else
            {
                index[key] = fields.Count;
                fields.Add(new(key, value));
            }
        }

        return new HoconObject(fields, top.Origin, under.IgnoresFallbacks);
    }

    /// <summary>True when a substitution inside the value (not inside nested objects) refers to the field itself or below it.</summary>
    public static bool ContainsSelfReference(HoconElement value, HoconPath path) => value switch
    {
        HoconSubstitution s => path.Length > 0 && s.Path.StartsWith(path),
        HoconConcatenation c => c.Parts.Any(p => ContainsSelfReference(p, path)),
        HoconDelayedMerge m => ContainsSelfReference(m.Top, path) || ContainsSelfReference(m.Under, path),
        HoconArray a => !a.IsResolved && a.Items.Any(i => ContainsSelfReference(i, path)),
        _ => false,
    };

    private static HoconElement ReplaceSelfReferences(HoconElement value, HoconPath path, HoconElement previous)
    {
        switch (value)
        {
            case HoconSubstitution s when path.Length > 0 && s.Path.StartsWith(path):
                return LookupRaw(previous, s.Path.Skip(path.Length)) ?? s;
            case HoconConcatenation c:
                return new HoconConcatenation([.. c.Parts.Select(p => ReplaceSelfReferences(p, path, previous))], c.Spaces, c.Origin);
            case HoconDelayedMerge m:
                return new HoconDelayedMerge(
                    ReplaceSelfReferences(m.Top, path, previous),
                    ReplaceSelfReferences(m.Under, path, previous));
            case HoconArray a when !a.IsResolved:
                return new HoconArray([.. a.Items.Select(i => ReplaceSelfReferences(i, path, previous))], a.Origin);
            default:
                return value;
        }
    }

    private static HoconElement? LookupRaw(HoconElement root, HoconPath rest)
    {
        var current = root;
        foreach (var key in rest.Segments)
        {
            if (current is not HoconObject obj || !obj.TryGetField(key, out var child))
            {
                return null;
            }

            current = child;
        }

        return current;
    }
}
