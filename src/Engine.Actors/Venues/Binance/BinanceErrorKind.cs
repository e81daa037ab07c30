namespace Engine.Actors.Venues.Binance;

/// <summary>What a failed response means for the engine; only <see cref="Unknown"/> leaves the outcome open.</summary>
public enum BinanceErrorKind
{
    /// <summary>The venue refused the request and did nothing (-2010, -1013 filter failures, -1121 bad symbol, other 4xx).</summary>
    Rejected,

    /// <summary>The outcome is unknown (5xx, -1007 backend timeout, 409): query <c>order.status</c>, never reject.</summary>
    Unknown,

    /// <summary>429: nothing was done; stop sending until the retry time.</summary>
    RateLimited,

    /// <summary>418: the IP is banned until the retry time; the login stops.</summary>
    Banned,

    /// <summary>-1021: nothing was done; re-estimate the server time offset.</summary>
    TimestampOutsideWindow,

    /// <summary>-2013: the venue does not know the order.</summary>
    NotFound,

    /// <summary>401 / -2015 with a null id: the logged-on key was revoked; the session is gone.</summary>
    SessionRevoked,
}
