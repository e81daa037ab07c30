namespace Engine.Persistence.Tests.Support;

/// <summary>A contract test event; <paramref name="Tag"/> (empty for none) is added by <see cref="TagWriteAdapter"/>. Value "poison" cannot be serialized.</summary>
public sealed record Evt(string Value, string Tag = "");
