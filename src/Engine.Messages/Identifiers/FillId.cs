using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// A venue's id for one execution (quant gateway <c>fill_no</c>, Binance trade id); fills are de-duplicated by it.
/// Invariant: a constructed value is never null, empty or whitespace and carries no leading or
/// trailing whitespace; <c>default</c> is the only empty instance and prints as an empty string.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<FillId>))]
public readonly record struct FillId : IIdentifier<FillId>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public FillId(string value)
    {
        Value = IdentifierText.Require(value, nameof(FillId));
    }

    /// <summary>The identifier text exactly as the venue or the engine spells it (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static FillId Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
