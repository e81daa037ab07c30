using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// The engine's own order id, chosen by the strategy or the engine before anything leaves the process; unique per login.
/// Invariant: a constructed value is never null, empty or whitespace and carries no leading or
/// trailing whitespace; <c>default</c> is the only empty instance and prints as an empty string.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<ClientOrderId>))]
public readonly record struct ClientOrderId : IIdentifier<ClientOrderId>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public ClientOrderId(string value)
    {
        Value = IdentifierText.Require(value, nameof(ClientOrderId));
    }

    /// <summary>The identifier text exactly as the venue or the engine spells it (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static ClientOrderId Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
