using System.Collections.Immutable;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Binance;

/// <summary>A Binance <c>depthUpdate</c>: update ids <paramref name="FirstUpdateId"/> (<c>U</c>) to <paramref name="FinalUpdateId"/> (<c>u</c>) and absolute levels.</summary>
public sealed record BinanceDepthDiff(
    Symbol Symbol,
    long FirstUpdateId,
    long FinalUpdateId,
    ImmutableArray<BookLevel> Bids,
    ImmutableArray<BookLevel> Asks,
    DateTimeOffset EventTime) : IBookInput;
