namespace Engine.Simulator.Venues.Toobit;

/// <summary>One endpoint: its fault-rule op (<c>"POST /api/v1/spot/order"</c>), security, weight and handler.</summary>
internal sealed record ToobitRoute(string Op, ToobitSecurity Security, int Weight, bool IsOrder, ToobitHandler Handler);
