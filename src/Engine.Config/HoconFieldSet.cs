namespace Engine.Config;

/// <summary>
/// The fields of one object while it is being read: keeps first-definition order and merges a duplicate key
/// into the earlier value with <see cref="HoconMerger.MergeField"/> as soon as it arrives.
/// </summary>
internal sealed class HoconFieldSet(HoconPath path)
{
    private readonly List<KeyValuePair<string, HoconElement>> _fields = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public void Set(string key, HoconElement value)
    {
        if (_index.TryGetValue(key, out var at))
        {
            _fields[at] = new(key, HoconMerger.MergeField(path.Append(key), _fields[at].Value, value));
        }
        else
        {
            _index[key] = _fields.Count;
            _fields.Add(new(key, HoconMerger.MergeField(path.Append(key), null, value)));
        }
    }

    public HoconObject Build(HoconOrigin origin) => new(_fields, origin);
}
