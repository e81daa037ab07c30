namespace Engine.Actors.MarketData.Books;

/// <summary>What a feed must do for a book after a <see cref="BookStep"/>.</summary>
public enum BookAction
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>Fetch a snapshot from the venue and hand it to <see cref="IBookSynchronizer.OnSnapshot"/> (Binance).</summary>
    FetchSnapshot,

    /// <summary>Cancel and subscribe the book stream again and wait for its full push (Toobit).</summary>
    Resubscribe,
}
