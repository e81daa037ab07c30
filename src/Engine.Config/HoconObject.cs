namespace Engine.Config;

/// <summary>
/// A map from key to value. Keys keep the order in which they were first defined; immutable.
/// </summary>
public sealed class HoconObject : HoconElement
{
    private readonly Dictionary<string, HoconElement> _fields;
    private readonly List<string> _order;

    /// <summary>Creates an object from fields in the given order.</summary>
    public HoconObject(IEnumerable<KeyValuePair<string, HoconElement>> fields, HoconOrigin origin)
        : this(fields, origin, ignoresFallbacks: false)
    {
    }

    internal HoconObject(IEnumerable<KeyValuePair<string, HoconElement>> fields, HoconOrigin origin, bool ignoresFallbacks)
        : base(origin)
    {
        IgnoresFallbacks = ignoresFallbacks;
        _fields = new Dictionary<string, HoconElement>(StringComparer.Ordinal);
        _order = [];
        var resolved = true;
        foreach (var (key, value) in fields)
        {
            if (!_fields.ContainsKey(key))
            {
                _order.Add(key);
            }

            _fields[key] = value;
        }

        foreach (var value in _fields.Values)
        {
            resolved &= value.IsResolved;
        }

        IsResolved = resolved;
    }

    /// <summary>The keys in order of first definition.</summary>
    public IReadOnlyList<string> Keys => _order;

    /// <summary>The number of fields.</summary>
    public int Count => _order.Count;

    /// <summary>The value of a direct field (not a path).</summary>
    public HoconElement this[string key] => _fields[key];

    internal override bool IsResolved { get; }

    /// <summary>
    /// True when this object replaced a non-object value (e.g. <c>a = null</c> then <c>a { ... }</c>): an earlier
    /// or fallback object for the same key is hidden, not merged (the spec's "adjacent objects" rule).
    /// </summary>
    internal bool IgnoresFallbacks { get; }

    internal HoconObject WithIgnoresFallbacks(bool ignores) =>
        ignores == IgnoresFallbacks ? this : new HoconObject(Fields, Origin, ignores);

    /// <summary>Looks up a direct field (not a path).</summary>
    public bool TryGetField(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HoconElement? value) =>
        _fields.TryGetValue(key, out value);

    /// <summary>The fields in order of first definition.</summary>
    public IEnumerable<KeyValuePair<string, HoconElement>> Fields
    {
        get
        {
            foreach (var key in _order)
            {
                yield return new KeyValuePair<string, HoconElement>(key, _fields[key]);
            }
        }
    }

    internal override string Describe() => "an object";
}
