namespace Engine.Config;

/// <summary>An ordered list of values. Immutable.</summary>
public sealed class HoconArray : HoconElement
{
    /// <summary>Creates a list.</summary>
    public HoconArray(IReadOnlyList<HoconElement> items, HoconOrigin origin)
        : base(origin)
    {
        Items = items;
        var resolved = true;
        foreach (var item in items)
        {
            resolved &= item.IsResolved;
        }

        IsResolved = resolved;
    }

    /// <summary>The elements in source order.</summary>
    public IReadOnlyList<HoconElement> Items { get; }

    internal override bool IsResolved { get; }

    internal override string Describe() => "a list";
}
