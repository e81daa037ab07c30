namespace Engine.Actors.Cluster;

/// <summary>
/// Sent by sharding to a login's entity when its shard moves (rebalance) or its node leaves: the connection drains without
/// cancelling orders (the book journals the end of the session), then the entity stops and the login starts on its new node.
/// </summary>
public sealed record LoginHandOff
{
    /// <summary>The one instance.</summary>
    public static LoginHandOff Instance { get; } = new();
}
