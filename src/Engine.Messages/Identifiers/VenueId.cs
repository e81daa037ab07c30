using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// Names a venue adapter (<c>quant-gateway</c>, <c>binance</c>, <c>toobit</c>, <c>dbot</c>).
/// Invariant: a constructed value is never null, empty or whitespace and carries no leading or
/// trailing whitespace; <c>default</c> is the only empty instance and prints as an empty string.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<VenueId>))]
public readonly record struct VenueId : IIdentifier<VenueId>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public VenueId(string value)
    {
        Value = IdentifierText.Require(value, nameof(VenueId));
    }

    /// <summary>The identifier text exactly as the venue or the engine spells it (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static VenueId Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
