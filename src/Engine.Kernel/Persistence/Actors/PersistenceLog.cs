using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Persistence.Actors;

/// <summary>Source-generated log entries of persistent actors; every entry names the persistence id.</summary>
internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Journal write failed for {PersistenceId} (sequence numbers {FromSequenceNr}..{ToSequenceNr}); stopping the actor")]
    public static partial void WriteFailed(ILogger logger, Exception exception, string persistenceId, long fromSequenceNr, long toSequenceNr);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Recovery failed for {PersistenceId} after sequence number {LastSequenceNr}; stopping the actor")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception, string persistenceId, long lastSequenceNr);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Saving the snapshot of {PersistenceId} at {SequenceNr} failed")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Deleting events of {PersistenceId} up to {SequenceNr} failed")]
    public static partial void DeleteFailed(ILogger logger, Exception exception, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Recovered {PersistenceId} to sequence number {LastSequenceNr} ({Replayed} events replayed)")]
    public static partial void Recovered(ILogger logger, string persistenceId, long lastSequenceNr, long replayed);
}
