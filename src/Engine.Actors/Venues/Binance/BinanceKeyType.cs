namespace Engine.Actors.Venues.Binance;

/// <summary>The kind of API key a Binance login uses; it decides how requests are authenticated.</summary>
public enum BinanceKeyType
{
    /// <summary>HMAC-SHA256 secret: every signed request carries apiKey, timestamp and a hex signature; no session logon.</summary>
    Hmac,

    /// <summary>Ed25519 private key: the connection logs on once with <c>session.logon</c>; requests then carry only timestamp.</summary>
    Ed25519,
}
