using System.Collections.Immutable;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Toobit;

/// <summary>
/// One Toobit <c>diffDepth</c> push (market-data reference §2.4–§2.5): the whole book when <paramref name="IsFull"/>
/// (<c>f:true</c>), else absolute quantities per price (zero deletes). <paramref name="Sequence"/> is the undocumented
/// per-symbol counter <c>o</c> (null when absent); <paramref name="Version"/> the book version <c>v</c> (equality only).
/// </summary>
public sealed record ToobitDepthPush(
    Symbol Symbol,
    bool IsFull,
    long? Sequence,
    string? Version,
    ImmutableArray<BookLevel> Bids,
    ImmutableArray<BookLevel> Asks,
    DateTimeOffset EventTime) : IBookInput;
