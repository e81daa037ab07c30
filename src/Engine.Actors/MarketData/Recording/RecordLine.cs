using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData.Recording;

/// <summary>
/// One recorded line after the header: exactly one of the event fields is set, named by <see cref="Kind"/>
/// (<c>quote</c>, <c>trade</c>, <c>book</c>, <c>delta</c>, <c>bar</c>, <c>ticker</c>).
/// </summary>
public sealed record RecordLine
{
    /// <summary>The event kind.</summary>
    public required string Kind { get; init; }

    /// <summary>A quote.</summary>
    public QuoteTick? Quote { get; init; }

    /// <summary>A trade.</summary>
    public TradeTick? Trade { get; init; }

    /// <summary>A book snapshot.</summary>
    public OrderBookSnapshot? Book { get; init; }

    /// <summary>A book delta.</summary>
    public OrderBookDelta? Delta { get; init; }

    /// <summary>A bar.</summary>
    public Bar? Bar { get; init; }

    /// <summary>A 24 h ticker.</summary>
    public TickerTick? Ticker { get; init; }

    /// <summary>The event the line carries.</summary>
    public IMarketDataEvent Event => (IMarketDataEvent?)Quote ?? (IMarketDataEvent?)Trade ?? (IMarketDataEvent?)Book ?? (IMarketDataEvent?)Delta ?? (IMarketDataEvent?)Bar ?? Ticker
        ?? throw new FormatException($"recorded line of kind '{Kind}' carries no event");

    /// <summary>The line of <paramref name="marketEvent"/>.</summary>
    public static RecordLine Of(IMarketDataEvent marketEvent) => marketEvent switch
    {
        QuoteTick q => new RecordLine { Kind = "quote", Quote = q },
        TradeTick t => new RecordLine { Kind = "trade", Trade = t },
        OrderBookSnapshot b => new RecordLine { Kind = "book", Book = b },
        OrderBookDelta d => new RecordLine { Kind = "delta", Delta = d },
        Bar b => new RecordLine { Kind = "bar", Bar = b },
        TickerTick t => new RecordLine { Kind = "ticker", Ticker = t },
        _ => throw new ArgumentException($"cannot record a {marketEvent.GetType().Name}", nameof(marketEvent)),
    };
}
