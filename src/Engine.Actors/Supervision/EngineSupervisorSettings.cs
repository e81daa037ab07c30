using Akka.Actor;

namespace Engine.Actors.Supervision;

/// <summary>
/// What <see cref="EngineSupervisor"/> builds. Factories rather than Props so that a restarted child is created from
/// fresh Props and so that the strategies child can be handed the connections child's ref.
/// </summary>
/// <param name="Connections">Props of the connections tree (one connection per login).</param>
/// <param name="Strategies">Props of the strategy host, given the connections ref it routes commands through.</param>
public sealed record EngineSupervisorSettings(Func<Props> Connections, Func<IActorRef, Props> Strategies)
{
    /// <summary>Restarts allowed per child within <see cref="RestartWindow"/> before it is stopped.</summary>
    public int MaxRestarts { get; init; } = 10;

    /// <summary>Props of the market-data feeds (child <c>feeds</c>, started before the strategies); null: no feeds child.</summary>
    public Func<Props>? Feeds { get; init; }

    /// <summary>Window of <see cref="MaxRestarts"/>.</summary>
    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(1);
}
