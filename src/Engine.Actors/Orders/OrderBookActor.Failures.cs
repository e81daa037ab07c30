using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>
/// Failed and rejected writes and failed recovery: each is logged with the persistence id and stops the actor. A
/// rejected write (the journal refused the event, e.g. it could not serialize it) would keep an Akka persistent actor
/// running with a book that holds an event the journal does not; this one stops, like on a failed write, and the next
/// incarnation rebuilds from what the journal holds.
/// </summary>
public sealed partial class OrderBookActor
{
    /// <inheritdoc />
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        _writeFailed = true;
        LogWriteFailed(_log, cause, _persistenceId, @event.GetType().Name, sequenceNr);

        // Akka stops the actor after this returns.
    }

    /// <inheritdoc />
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _writeFailed = true;
        LogWriteRejected(_log, cause, _persistenceId, @event.GetType().Name, sequenceNr);
        Context.Stop(Self);
    }

    /// <inheritdoc />
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        // Akka stops the actor after this returns.
        LogRecoveryFailed(_log, reason, _persistenceId, LastSequenceNr, message?.GetType().Name ?? "none");
    }

    [LoggerMessage(EventId = 5116, Level = LogLevel.Error, Message = "Journal write of {EventType} failed for {PersistenceId} at sequence number {SequenceNr}; stopping the order book")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string persistenceId, string eventType, long sequenceNr);

    [LoggerMessage(EventId = 5117, Level = LogLevel.Error, Message = "The journal rejected {EventType} of {PersistenceId} at sequence number {SequenceNr}; stopping the order book")]
    private static partial void LogWriteRejected(ILogger logger, Exception exception, string persistenceId, string eventType, long sequenceNr);

    [LoggerMessage(EventId = 5118, Level = LogLevel.Error, Message = "Recovery of {PersistenceId} failed after sequence number {LastSequenceNr} (replayed message: {MessageType}); stopping the order book")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception, string persistenceId, long lastSequenceNr, string messageType);

    [LoggerMessage(EventId = 5119, Level = LogLevel.Warning, Message = "Saving the snapshot of {PersistenceId} at sequence number {SequenceNr} failed; recovery replays more events until the next one")]
    private static partial void LogSnapshotFailed(ILogger logger, Exception exception, string persistenceId, long sequenceNr);

    [LoggerMessage(EventId = 5120, Level = LogLevel.Warning, Message = "Deleting the snapshots of {PersistenceId} up to sequence number {MaxSequenceNr} failed; the next saved snapshot retries")]
    private static partial void LogSnapshotsNotDeleted(ILogger logger, Exception exception, string persistenceId, long maxSequenceNr);
}
