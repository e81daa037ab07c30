using Engine.Persistence.Journal;

namespace Engine.Persistence.Tests.Support;

/// <summary>Rows for the tests that write the journal below Akka (the group-commit journal, a storage).</summary>
internal static class JournalRows
{
    /// <summary>A minimal event of <paramref name="persistenceId"/> at <paramref name="sequenceNr"/>, written by one writer.</summary>
    public static PersistentRepr Event(string persistenceId, long sequenceNr) =>
        new(persistenceId, sequenceNr, "evt.v1", "{}", [], DateTimeOffset.UnixEpoch, "writer-1");
}
