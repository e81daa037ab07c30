using System.Text.Json.Nodes;

namespace Engine.Simulator.Venues.Binance;

/// <summary>A user data event for every subscription to <paramref name="AccountId"/>, rendered per connection (time unit).</summary>
/// <param name="AccountId">Account the event belongs to.</param>
/// <param name="EventType">The event's <c>e</c> (fault matching uses it as the op).</param>
/// <param name="Render">Builds the event payload for one connection; captures an immutable snapshot.</param>
internal sealed record Push(string AccountId, string EventType, Func<BinanceSession, JsonObject> Render);
