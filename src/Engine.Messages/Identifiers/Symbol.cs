using System.Text.Json.Serialization;

namespace Engine.Messages.Identifiers;

/// <summary>
/// An instrument in the venue's own spelling (<c>BTC/USDT</c>, <c>BTC200925</c>, <c>ETH-PERP</c>, <c>BTCUSDT</c>); compared case-sensitively.
/// Invariant: a constructed value is never null, empty or whitespace and carries no leading or
/// trailing whitespace; <c>default</c> is the only empty instance and prints as an empty string.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<Symbol>))]
public readonly record struct Symbol : IIdentifier<Symbol>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public Symbol(string value)
    {
        Value = IdentifierText.Require(value, nameof(Symbol));
    }

    /// <summary>The identifier text exactly as the venue or the engine spells it (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static Symbol Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
