namespace Engine.Config;

/// <summary>
/// Replaces every substitution in a merged tree. A path is looked up from the root (only the nodes on the way
/// are resolved, so an object may refer to its own fields); a path missing from the tree falls back to the
/// environment lookup; <c>${?x}</c> that stays missing removes its field (or counts as empty inside a
/// concatenation). A self-reference with no earlier value is treated as missing. Cycles are reported with
/// the chain of substitutions. Single use; not thread-safe.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?> _environment;
    private readonly Dictionary<HoconElement, HoconElement?> _done = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconElement> _active = new(ReferenceEqualityComparer.Instance);
    private readonly List<(HoconSubstitution Substitution, HoconPath Field)> _chain = [];

    private HoconResolver(HoconObject root, Func<string, string?> environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, Func<string, string?> environment)
    {
        if (root.IsResolved)
        {
            return root;
        }

        var resolver = new HoconResolver(root, environment);
        return (HoconObject)resolver.ResolveNode(root, HoconPath.Root)!;
    }

    private HoconElement? ResolveNode(HoconElement node, HoconPath path)
    {
        if (node.IsResolved)
        {
            return node;
        }

        if (_done.TryGetValue(node, out var known))
        {
            return known;
        }

        if (!_active.Add(node))
        {
            throw Cycle(node, path);
        }

        HoconElement? result;
        try
        {
            result = node switch
            {
                HoconObject obj => ResolveObject(obj, path),
                HoconArray array => ResolveArray(array, path),
                HoconSubstitution substitution => ResolveSubstitution(substitution, path),
                HoconConcatenation concatenation => ResolveConcatenation(concatenation, path),
                HoconDelayedMerge merge => ResolveMerge(merge, path),
                _ => node,
            };
        }
        finally
        {
            _active.Remove(node);
        }

        _done[node] = result;
        return result;
    }

    private HoconObject ResolveObject(HoconObject obj, HoconPath path)
    {
        var fields = new List<KeyValuePair<string, HoconElement>>(obj.Count);
        foreach (var (key, value) in obj.Fields)
        {
            var resolved = ResolveNode(value, path.Append(key));
            if (resolved is not null)
            {
                fields.Add(new(key, resolved));
            }
        }

        return new HoconObject(fields, obj.Origin, obj.IgnoresFallbacks);
    }

    private HoconArray ResolveArray(HoconArray array, HoconPath path)
    {
        var items = new List<HoconElement>(array.Items.Count);
        foreach (var item in array.Items)
        {
            var resolved = ResolveNode(item, path);
            if (resolved is not null)
            {
                items.Add(resolved);
            }
        }

        return new HoconArray(items, array.Origin);
    }

    private HoconElement? ResolveConcatenation(HoconConcatenation concatenation, HoconPath path)
    {
        var parts = new HoconElement?[concatenation.Parts.Count];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = concatenation.Parts[i];
            var resolved = ResolveNode(part, path);
            if (part is HoconSubstitution && resolved is HoconValue { Kind: HoconValueKind.Null } nullValue)
            {
                resolved = new HoconValue(HoconValueKind.String, string.Empty, nullValue.Origin);
            }

            parts[i] = resolved;
        }

        return HoconConcatenator.Combine(parts, concatenation.Spaces, concatenation.Origin, path);
    }

    private HoconElement? ResolveMerge(HoconDelayedMerge merge, HoconPath path)
    {
        var top = ResolveNode(merge.Top, path);
        if (top is null)
        {
            return ResolveNode(merge.Under, path);
        }

        if (top is HoconObject topObject && ResolveNode(merge.Under, path) is HoconObject underObject)
        {
            return HoconMerger.MergeObjects(path, topObject, underObject);
        }

        return top;
    }

    private HoconElement? ResolveSubstitution(HoconSubstitution substitution, HoconPath field)
    {
        var selfReference = field.Length > 0 && substitution.Path.StartsWith(field);
        _chain.Add((substitution, field));
        try
        {
            HoconElement? found = null;
            if (!selfReference)
            {
                found = Lookup(substitution.Path);
                if (found is null && !substitution.Written.Equals(substitution.Path) && !substitution.Written.StartsWith(field))
                {
                    found = Lookup(substitution.Written);
                }
            }

            if (found is not null)
            {
                return found;
            }

            var name = string.Join('.', substitution.Written.Segments);
            var fromEnvironment = _environment(name);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                return new HoconValue(HoconValueKind.String, fromEnvironment, new HoconOrigin($"env:{name}", 0)) { EnvironmentSource = name };
            }

            if (substitution.Optional)
            {
                return null;
            }

            throw new ConfigException(new ConfigError(
                substitution.Origin,
                field.ToString(),
                $"could not resolve substitution {substitution.Describe()}: no such key and no environment variable '{name}'"));
        }
        finally
        {
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private HoconElement? Lookup(HoconPath path)
    {
        HoconElement current = _root;
        for (var i = 0; i < path.Length; i++)
        {
            if (current is not HoconObject)
            {
                var resolved = ResolveNode(current, new HoconPath(path.Segments.Take(i)));
                if (resolved is not HoconObject)
                {
                    return null;
                }

                current = resolved;
            }

            if (!((HoconObject)current).TryGetField(path.Segments[i], out var child))
            {
                return null;
            }

            current = child;
        }

        return ResolveNode(current, path);
    }

    private ConfigException Cycle(HoconElement node, HoconPath path)
    {
        if (_chain.Count == 0)
        {
            return new ConfigException(new ConfigError(node.Origin, path.ToString(), "substitution cycle"));
        }

        var (last, field) = _chain[^1];
        var start = _chain.FindIndex(link => ReferenceEquals(link.Substitution, node));
        var links = _chain.Skip(Math.Max(start, 0)).Select(link => link.Substitution.Describe()).ToList();
        links.Add(node is HoconSubstitution again ? again.Describe() : path.ToString());
        return new ConfigException(new ConfigError(last.Origin, field.ToString(), $"substitution cycle: {string.Join(" -> ", links)}"));
    }
}
