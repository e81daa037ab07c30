using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// The order id the venue assigned (quant gateway <c>order_no</c>, Binance <c>orderId</c>); known only after the venue revealed it.
/// Invariant: a constructed value is never null, empty or whitespace and carries no leading or
/// trailing whitespace; <c>default</c> is the only empty instance and prints as an empty string.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<VenueOrderId>))]
public readonly record struct VenueOrderId : IIdentifier<VenueOrderId>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public VenueOrderId(string value)
    {
        Value = IdentifierText.Require(value, nameof(VenueOrderId));
    }

    /// <summary>The identifier text exactly as the venue or the engine spells it (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static VenueOrderId Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
