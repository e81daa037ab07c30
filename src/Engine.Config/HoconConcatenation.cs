namespace Engine.Config;

/// <summary>
/// A value concatenation that still holds substitutions; only present before <see cref="HoconConfig.Resolve"/>.
/// <see cref="Spaces"/>[i] is the whitespace written before part i; it counts only when the result is a string.
/// </summary>
internal sealed class HoconConcatenation : HoconElement
{
    public HoconConcatenation(IReadOnlyList<HoconElement> parts, IReadOnlyList<string> spaces, HoconOrigin origin)
        : base(origin)
    {
        Parts = parts;
        Spaces = spaces;
    }

    public IReadOnlyList<HoconElement> Parts { get; }

    public IReadOnlyList<string> Spaces { get; }

    internal override bool IsResolved => false;

    internal override string Describe() => "a concatenation";
}
