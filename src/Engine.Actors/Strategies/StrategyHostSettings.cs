using Akka.Actor;

namespace Engine.Actors.Strategies;

/// <summary>Everything the <see cref="StrategyHost"/> is built from; immutable.</summary>
/// <param name="Strategies">The configured instances, in configuration order (disabled ones are skipped).</param>
/// <param name="Connections">The connections supervisor: every strategy sends its commands and queries there.</param>
/// <param name="Options">Plugin folder and restart policy.</param>
public sealed record StrategyHostSettings(
    IReadOnlyList<StrategyOptions> Strategies,
    IActorRef Connections,
    StrategyHostOptions Options)
{
    /// <summary>
    /// The feeds supervisor strategies subscribe market data through; null (the default) is the host's sibling
    /// <c>feeds</c> under the engine supervisor, addressed by path.
    /// </summary>
    public ICanTell? Feeds { get; init; }

    /// <summary>
    /// False (the default, a single node): every enabled strategy starts with the host. True (a cluster node): a strategy
    /// runs on the node of its first login; it starts when that login's entity starts here and stops when it leaves.
    /// </summary>
    public bool FollowFirstLogin { get; init; }
}
