namespace Engine.Config;

/// <summary>Where a value was written: the file name as given to the reader and the 1-based line.</summary>
public readonly record struct HoconOrigin(string File, int Line)
{
    /// <summary>The origin of values that were not read from any file (defaults, environment).</summary>
    public static HoconOrigin None { get; } = new("<none>", 0);

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
