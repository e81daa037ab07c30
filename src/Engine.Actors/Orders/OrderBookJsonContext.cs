using System.Text.Json.Serialization;

namespace Engine.Actors.Orders;

/// <summary>
/// Source-generated JSON for the order book's snapshot; combined with the message context in
/// <see cref="OrderJournal.CreateRegistry"/>, which resolves the types the snapshot shares with the events (identifiers,
/// enums) exactly as the events are written.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(OrderBookSnapshot))]
internal sealed partial class OrderBookJsonContext : JsonSerializerContext;
