namespace Engine.Config;

/// <summary>
/// The fields of one object while it is being read: keeps first-definition order and merges a duplicate key
/// into the earlier value with <see cref="HoconMerger.MergeField"/> as soon as it arrives. An object merged over an
/// object is merged in place, into a nested field set, instead of rebuilding the earlier object each time: a file of
/// many dotted keys under one prefix (<c>a.k1 = 1</c>, <c>a.k2 = 2</c>, ...) reads in linear time. The result is the
/// one <see cref="HoconMerger.MergeObjects"/> gives (earlier fields first, the later object's origin).
/// </summary>
internal sealed class HoconFieldSet(HoconPath path)
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, HoconElement> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HoconFieldSet> _nested = new(StringComparer.Ordinal);
    private HoconOrigin _origin = HoconOrigin.None;
    private bool _ignoresFallbacks;

    public void Set(string key, HoconElement value)
    {
        if (!_values.ContainsKey(key) && !_nested.ContainsKey(key))
        {
            _order.Add(key);
            _values[key] = HoconMerger.MergeField(path.Append(key), null, value);
            return;
        }

        if (value is HoconObject { IgnoresFallbacks: false } next)
        {
            if (!_nested.TryGetValue(key, out var nested) && _values[key] is HoconObject earlier)
            {
                nested = From(path.Append(key), earlier);
                _values.Remove(key);
                _nested[key] = nested;
            }

            if (nested is not null)
            {
                nested.MergeOver(next);
                return;
            }
        }

        var previous = _nested.Remove(key, out var pending) ? pending.Build(pending._origin) : _values[key];
        _values[key] = HoconMerger.MergeField(path.Append(key), previous, value);
    }

    public HoconObject Build(HoconOrigin origin)
    {
        var fields = new List<KeyValuePair<string, HoconElement>>(_order.Count);
        foreach (var key in _order)
        {
            fields.Add(new(key, _nested.TryGetValue(key, out var nested) ? nested.Build(nested._origin) : _values[key]));
        }

        return new HoconObject(fields, origin, _ignoresFallbacks);
    }

    private static HoconFieldSet From(HoconPath path, HoconObject earlier)
    {
        var set = new HoconFieldSet(path) { _origin = earlier.Origin, _ignoresFallbacks = earlier.IgnoresFallbacks };
        foreach (var (key, value) in earlier.Fields)
        {
            set._order.Add(key);
            set._values[key] = value;
        }

        return set;
    }

    private void MergeOver(HoconObject top)
    {
        _origin = top.Origin;
        foreach (var (key, value) in top.Fields)
        {
            Set(key, value);
        }
    }
}
