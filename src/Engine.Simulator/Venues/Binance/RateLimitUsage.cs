namespace Engine.Simulator.Venues.Binance;

/// <summary>One <c>rateLimits</c> entry of a response: a limit and its count in the current window.</summary>
/// <param name="Type"><c>REQUEST_WEIGHT</c> or <c>ORDERS</c>.</param>
/// <param name="Interval"><c>SECOND</c>, <c>MINUTE</c> or <c>DAY</c>.</param>
/// <param name="IntervalNum">Interval multiplier.</param>
/// <param name="Limit">Maximum per window.</param>
/// <param name="Count">Usage in the current window, including the request answered.</param>
public sealed record RateLimitUsage(string Type, string Interval, int IntervalNum, int Limit, int Count);
