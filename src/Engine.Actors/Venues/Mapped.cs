namespace Engine.Actors.Venues;

/// <summary>A mapping's value, or one sentence for people saying why there is none.</summary>
/// <typeparam name="T">The mapped value.</typeparam>
/// <param name="Value">The value; null exactly when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the value could not be produced.</param>
public readonly record struct Mapped<T>(T? Value, string? Error)
    where T : class
{
    /// <summary>True when there is a value.</summary>
    public bool IsOk => Error is null;
}
