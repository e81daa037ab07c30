using Engine.Persistence.Journal;

namespace Engine.Persistence.Query;

/// <summary>
/// An event as queries return it: the stored event plus its global <paramref name="Ordering"/>,
/// which is strictly increasing in commit order across the whole journal (gaps are possible after
/// rolled-back batches). Pass the last seen ordering as <c>fromOrdering</c> to resume.
/// </summary>
public sealed record EventEnvelope(long Ordering, PersistentRepr Event)
{
    /// <summary>The event's stream.</summary>
    public string PersistenceId => Event.PersistenceId;

    /// <summary>The event's position in its stream.</summary>
    public long SequenceNr => Event.SequenceNr;
}
