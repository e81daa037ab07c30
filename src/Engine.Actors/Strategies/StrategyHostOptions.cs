using System.ComponentModel.DataAnnotations;
using Engine.Config;

namespace Engine.Actors.Strategies;

/// <summary>
/// How the strategy host loads plugins and restarts failing strategies. A strategy that throws is stopped and
/// recreated after <c>min-backoff * 2^attempt</c> (times a jitter of up to <see cref="RandomFactor"/>, capped at
/// <see cref="MaxBackoff"/>). The host gives up on it when it fails again after <see cref="MaxRestarts"/> restarts
/// with no incarnation staying up for <see cref="RestartWindow"/>; an incarnation that stays up that long resets the
/// count (and the backoff).
/// </summary>
public sealed record StrategyHostOptions : IValidatableOptions
{
    /// <summary>Folder of plugin assembly files; a relative <see cref="StrategyOptions.Assembly"/> file is looked up here.</summary>
    public string PluginsFolder { get; init; } = "plugins";

    /// <summary>Delay before the first restart; at least one millisecond so restarted incarnations never share a client order id stem.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between restarts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter: each delay is multiplied by a random factor in [1, 1 + random-factor]; at most 1 (Akka's backoff supervisor's limit).</summary>
    [Range(0.0, 1.0)]
    public double RandomFactor { get; init; } = 0.2;

    /// <summary>Restarts allowed within the window before the host gives up on a strategy.</summary>
    [Range(0, 1000)]
    public int MaxRestarts { get; init; } = 5;

    /// <summary>An incarnation that stays up this long resets the restart count.</summary>
    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (MinBackoff < TimeSpan.FromMilliseconds(1))
        {
            yield return $"min-backoff must be at least 1ms, got {MinBackoff}";
        }

        if (MaxBackoff < MinBackoff)
        {
            yield return $"max-backoff ({MaxBackoff}) must not be below min-backoff ({MinBackoff})";
        }

        if (RandomFactor is < 0.0 or > 1.0 || double.IsNaN(RandomFactor))
        {
            yield return $"random-factor must be between 0 and 1, got {RandomFactor}";
        }

        if (RestartWindow <= TimeSpan.Zero)
        {
            yield return $"restart-window must be positive, got {RestartWindow}";
        }
    }
}
