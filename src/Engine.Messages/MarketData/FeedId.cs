using System.Text.Json.Serialization;
using Engine.Messages.Identifiers;

namespace Engine.Messages.MarketData;

/// <summary>
/// Names one configured market-data feed (one item of <c>engine.feeds</c>); the key strategies subscribe by.
/// Invariant: a constructed value is never null, empty or whitespace and carries no leading or trailing whitespace;
/// <c>default</c> is the only empty instance and prints as an empty string.
/// </summary>
[JsonConverter(typeof(IdentifierJsonConverter<FeedId>))]
public readonly record struct FeedId : IIdentifier<FeedId>
{
    /// <summary>Creates the identifier; throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public FeedId(string value)
    {
        Value = IdentifierText.Require(value, nameof(FeedId));
    }

    /// <summary>The feed name exactly as configured (case-sensitive).</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static FeedId Create(string value) => new(value);

    /// <summary>True for <c>default</c>, the only instance without a value.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
