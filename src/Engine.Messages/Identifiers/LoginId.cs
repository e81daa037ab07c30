using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// Names one configured exchange login (one account on one venue); the key of the order book and of the journal stream "orders/&lt;login&gt;".
/// Invariant: a constructed value is never null, empty or whitespace and carries no leading or
/// trailing whitespace; <c>default</c> is the only empty instance and prints as an empty string.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<LoginId>))]
public readonly record struct LoginId : IIdentifier<LoginId>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public LoginId(string value)
    {
        Value = IdentifierText.Require(value, nameof(LoginId));
    }

    /// <summary>The identifier text exactly as the venue or the engine spells it (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static LoginId Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
