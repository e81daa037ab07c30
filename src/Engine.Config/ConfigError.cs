namespace Engine.Config;

/// <summary>One problem found in a configuration: where, which key, and what was wrong or expected.</summary>
/// <param name="Origin">The file and line of the offending value (or of the enclosing object for a missing key).</param>
/// <param name="Path">The full key path, e.g. <c>engine.journal.max-batch</c>; empty for file-level problems.</param>
/// <param name="Message">What was expected and what was found; never contains the value of a secret.</param>
public sealed record ConfigError(HoconOrigin Origin, string Path, string Message)
{
    /// <summary>The one-line form: <c>file:line: path: message</c>.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{Origin}: {Message}" : $"{Origin}: {Path}: {Message}";
}
