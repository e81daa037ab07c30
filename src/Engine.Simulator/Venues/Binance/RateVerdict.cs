namespace Engine.Simulator.Venues.Binance;

/// <summary>Outcome of charging a request against the limits.</summary>
public enum RateVerdict
{
    /// <summary>Within the limits; the usage was counted.</summary>
    Allowed,

    /// <summary>Over a limit: answer 429; <see cref="RateDecision.Until"/> is the end of the full window.</summary>
    TooMany,

    /// <summary>The IP is banned: answer 418; <see cref="RateDecision.Until"/> is the end of the ban.</summary>
    Banned,
}
