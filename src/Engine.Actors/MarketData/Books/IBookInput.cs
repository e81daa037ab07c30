using Engine.Messages.Identifiers;

namespace Engine.Actors.MarketData.Books;

/// <summary>A decoded venue book update (Binance diff depth, Toobit diffDepth push) that only its venue's <see cref="IBookSynchronizer"/> understands.</summary>
public interface IBookInput
{
    /// <summary>The book's symbol.</summary>
    Symbol Symbol { get; }

    /// <summary>The venue's event time.</summary>
    DateTimeOffset EventTime { get; }
}
