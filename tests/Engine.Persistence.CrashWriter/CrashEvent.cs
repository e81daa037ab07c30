namespace Engine.Persistence.CrashWriter;

/// <summary>The event the crash writer persists: its own sequence number, to check on replay.</summary>
public sealed record CrashEvent(long Seq);
