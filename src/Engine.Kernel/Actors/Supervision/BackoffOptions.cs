namespace Engine.Kernel.Actors.Supervision;

/// <summary>Settings of a <see cref="BackoffSupervisor"/>; validated when the props are built.</summary>
public sealed record BackoffOptions(
    BackoffMode Mode,
    Props ChildProps,
    string ChildName,
    TimeSpan MinBackoff,
    TimeSpan MaxBackoff,
    double RandomFactor)
{
    /// <summary>After the child has lived this long, the attempt counter goes back to zero; null never resets.</summary>
    public TimeSpan? ResetBackoffAfter { get; init; }

    /// <summary>Maximum recreations before the supervisor stops itself; negative means unlimited.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    /// <summary>In <see cref="BackoffMode.OnStop"/>, how child failures are handled (default: the default strategy).</summary>
    public SupervisorStrategy? ChildStrategy { get; init; }

    /// <summary>Jitter source; null uses the system's <see cref="ActorSystem.Random"/>.</summary>
    public Random? Random { get; init; }

    /// <summary>Recreate the child after it fails.</summary>
    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor);

    /// <summary>Recreate the child after it stops.</summary>
    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor);

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(ChildProps);
        ArgumentException.ThrowIfNullOrWhiteSpace(ChildName);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, MinBackoff);
        ArgumentOutOfRangeException.ThrowIfNegative(RandomFactor);
    }
}
