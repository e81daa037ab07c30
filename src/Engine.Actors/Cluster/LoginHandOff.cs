namespace Engine.Actors.Cluster;

/// <summary>
/// Sent by sharding to a login's entity when its shard moves (rebalance) or its node leaves: the connection drains without
/// cancelling orders, waiting up to the login's drain timeout for the replies of the placements and cancels in flight (what
/// is still unanswered then is listed in the journaled end of the session and reconciled by the new node), then the entity
/// stops and the login starts on its new node. Commands that arrive meanwhile are refused, naming the move.
/// </summary>
public sealed record LoginHandOff
{
    /// <summary>The one instance.</summary>
    public static LoginHandOff Instance { get; } = new();
}
