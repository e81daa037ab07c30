namespace Engine.Simulator.Venues.Binance;

/// <summary>Outcome of charging a request: the verdict, and for 429/418 when the client may retry.</summary>
/// <param name="Verdict">What to answer.</param>
/// <param name="Until">Retry time for <see cref="RateVerdict.TooMany"/> and <see cref="RateVerdict.Banned"/>.</param>
/// <param name="NewBan">True when this request started the ban (the connection is then dropped).</param>
public readonly record struct RateDecision(RateVerdict Verdict, DateTimeOffset Until = default, bool NewBan = false)
{
    /// <summary>The request may proceed.</summary>
    public static RateDecision Allowed { get; } = new(RateVerdict.Allowed);
}
