namespace Engine.Config;

/// <summary>An unresolved <c>${path}</c> or <c>${?path}</c>; only present before <see cref="HoconConfig.Resolve"/>.</summary>
internal sealed class HoconSubstitution : HoconElement
{
    public HoconSubstitution(HoconPath path, bool optional, HoconOrigin origin, HoconPath? written = null)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        Written = written ?? path;
    }

    /// <summary>The absolute path looked up (fixed up with the include prefix for included files).</summary>
    public HoconPath Path { get; }

    /// <summary>The path as written; tried when <see cref="Path"/> is missing and used for the environment lookup.</summary>
    public HoconPath Written { get; }

    public bool Optional { get; }

    internal override bool IsResolved => false;

    internal override string Describe() => Optional ? $"${{?{Written}}}" : $"${{{Written}}}";
}
