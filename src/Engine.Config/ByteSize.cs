namespace Engine.Config;

/// <summary>A size in bytes, bound from the spec's size format (<c>64MiB</c>, <c>10kB</c>, a bare number of bytes).</summary>
/// <param name="Bytes">The size in bytes.</param>
public readonly record struct ByteSize(long Bytes)
{
    /// <inheritdoc />
    public override string ToString() => $"{Bytes}B";
}
