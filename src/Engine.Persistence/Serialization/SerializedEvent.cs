namespace Engine.Persistence.Serialization;

/// <summary>An event or snapshot ready for storage: its manifest text and its JSON payload.</summary>
public readonly record struct SerializedEvent(string Manifest, string Payload);
