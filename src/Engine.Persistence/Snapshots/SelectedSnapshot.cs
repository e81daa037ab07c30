namespace Engine.Persistence.Snapshots;

/// <summary>A stored snapshot: its metadata plus the serialized state (manifest and JSON text, stored verbatim).</summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, string Manifest, string Payload);
