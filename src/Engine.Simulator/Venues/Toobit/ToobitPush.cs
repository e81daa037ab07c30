namespace Engine.Simulator.Venues.Toobit;

/// <summary>A stream frame (a JSON array of events) for one account's streams.</summary>
internal sealed record ToobitPush(string AccountId, string Frame);
