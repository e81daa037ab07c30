namespace Engine.Actors.Venues.Binance;

/// <summary>What a <c>userDataStream.subscribe</c> (or <c>.signature</c>) response means for the connection.</summary>
public enum BinanceSubscribeOutcome
{
    /// <summary>Subscribed; events carry the returned subscription id (absent from servers older than 2025-08).</summary>
    Subscribed,

    /// <summary>-2035: this account is already subscribed on the connection; keep the current subscription.</summary>
    AlreadyActive,

    /// <summary>-2042: the connection used up its 65,535 subscription ids; open a new connection.</summary>
    Reconnect,

    /// <summary>Any other failure (a timeout or 5xx included): retry later; the reason says why.</summary>
    Failed,
}
