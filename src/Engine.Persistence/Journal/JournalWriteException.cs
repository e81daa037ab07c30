namespace Engine.Persistence.Journal;

/// <summary>
/// A write was not committed. Every write in the failed transaction faults with this exception,
/// so a caller never has to guess whether part of its batch landed: none of it did.
/// </summary>
public sealed class JournalWriteException : Exception
{
    /// <summary>Creates an exception without specific details.</summary>
    public JournalWriteException()
        : this("The journal write failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public JournalWriteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the storage failure.</summary>
    public JournalWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates a sequence-conflict exception naming the stream and the duplicate number.</summary>
    public JournalWriteException(string persistenceId, long sequenceNr, Exception? innerException)
        : base($"Sequence conflict: persistence id '{persistenceId}' already has sequence number {sequenceNr}; the whole batch was rolled back.", innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
    }

    /// <summary>The stream whose sequence number conflicted, when the failure is a conflict.</summary>
    public string? PersistenceId { get; }

    /// <summary>The duplicate sequence number, when the failure is a conflict.</summary>
    public long? SequenceNr { get; }

    /// <summary>True when the failure is a duplicate (persistence id, sequence number).</summary>
    public bool IsSequenceConflict => PersistenceId is not null;
}
