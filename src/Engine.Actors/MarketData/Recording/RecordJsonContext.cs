using System.Text.Json.Serialization;

namespace Engine.Actors.MarketData.Recording;

/// <summary>Source-generated JSON of recordings: camel-case names, nulls omitted, one object per line.</summary>
[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RecordHeader))]
[JsonSerializable(typeof(RecordLine))]
internal sealed partial class RecordJsonContext : JsonSerializerContext;
