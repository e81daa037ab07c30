namespace Engine.Messages.Identifiers;

/// <summary>Shared validation of identifier text; pure and thread-safe.</summary>
internal static class IdentifierText
{
    /// <summary>Longest identifier accepted; venues use far shorter ids, so longer text is a bug upstream.</summary>
    public const int MaxLength = 128;

    public static string Require(string value, string kind)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{kind} must not be empty.", nameof(value));
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"{kind} is {value.Length} characters long; at most {MaxLength} are allowed.", nameof(value));
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            throw new ArgumentException($"{kind} '{value}' must not start or end with whitespace.", nameof(value));
        }

        return value;
    }
}
