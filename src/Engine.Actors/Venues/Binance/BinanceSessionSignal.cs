namespace Engine.Actors.Venues.Binance;

/// <summary>What a decoded frame asks of the Binance connection behaviour, beyond its engine events.</summary>
public enum BinanceSessionSignal
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary><c>eventStreamTerminated</c>: the user data subscription ended; subscribe again, then reconcile.</summary>
    Resubscribe,

    /// <summary><c>serverShutdown</c>: open a replacement connection now, then close this one.</summary>
    Reconnect,

    /// <summary>401 with a null id: the logged-on key was revoked; the session is gone.</summary>
    SessionRevoked,
}
