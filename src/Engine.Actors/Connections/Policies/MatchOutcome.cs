namespace Engine.Actors.Connections.Policies;

/// <summary>What a reply's correlation key matched.</summary>
public enum MatchOutcome
{
    /// <summary>A pending request; it is now removed.</summary>
    Matched,

    /// <summary>A request that already timed out: its outcome was reported unknown; this reply resolves it late.</summary>
    Late,

    /// <summary>No request of this table (another session's, a duplicate, or a key the venue invented).</summary>
    Unmatched,
}
