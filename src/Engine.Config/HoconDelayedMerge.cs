namespace Engine.Config;

/// <summary>
/// A field defined twice where the later definition is not yet known to be an object: after resolution, if
/// <see cref="Top"/> is an object and <see cref="Under"/> is an object they merge, otherwise <see cref="Top"/> wins.
/// </summary>
internal sealed class HoconDelayedMerge : HoconElement
{
    public HoconDelayedMerge(HoconElement top, HoconElement under)
        : base(top.Origin)
    {
        Top = top;
        Under = under;
    }

    public HoconElement Top { get; }

    public HoconElement Under { get; }

    internal override bool IsResolved => false;

    internal override string Describe() => Top.Describe();
}
