using Akka.Actor;
using Engine.Config;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Strategies;

/// <summary>
/// Everything a strategy instance is given by its host: it is the single argument of the public constructor every
/// <see cref="StrategyActor"/> plugin must have, so plugin types loaded by reflection are built the same way as in tests.
/// Immutable; one context serves every incarnation of the instance.
/// </summary>
/// <param name="Name">The instance name from configuration; prefix of the strategy's client order ids.</param>
/// <param name="Logins">Logins the strategy trades through; it receives only their events.</param>
/// <param name="Connections">Where commands and queries go (the connections supervisor routes them by login and keeps the sender).</param>
/// <param name="Parameters">The strategy's own parameters, bound strictly by <see cref="StrategyActor.Parameters{T}"/>.</param>
public sealed record StrategyContext(
    string Name,
    IReadOnlyList<LoginId> Logins,
    IActorRef Connections,
    HoconConfig Parameters)
{
    /// <summary>
    /// The clock of command timestamps and client order ids; null (the default) is the actor system's engine clock
    /// (<c>Context.Engine().Time</c>), which is also what the host gives.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// The strategy's logger (named after the strategy type by the host); null (the default) is a logger named after
    /// the strategy type from the engine's logger factory. The strategy adds its actor path to every entry.
    /// </summary>
    public ILogger? Logger { get; init; }

    /// <summary>The host, told when the strategy stops itself on purpose; nobody outside a host.</summary>
    public IActorRef Host { get; init; } = ActorRefs.Nobody;

    /// <summary>
    /// Where market-data subscriptions go (the engine's feeds supervisor, <c>/user/engine/feeds</c>); it answers and
    /// delivers to the strategy. Nobody (the default) outside a host: subscriptions then go nowhere.
    /// </summary>
    public ICanTell Feeds { get; init; } = ActorRefs.Nobody;
}
