using System.ComponentModel.DataAnnotations;
using Engine.Config;

namespace Engine.Strategies.Samples;

/// <summary>
/// Parameters of <see cref="FollowWindow"/> (kebab-case keys, unknown keys fail): one follow order per leader on one
/// chain and wallet, enabled only inside a daily UTC window.
/// </summary>
public sealed record FollowWindowParameters : IValidatableOptions
{
    /// <summary>The chain the leaders trade on (<c>solana</c>, <c>ethereum</c>, ...).</summary>
    [Required]
    public string Chain { get; init; } = string.Empty;

    /// <summary>The DBot wallet id that copies the trades.</summary>
    [Required]
    public string WalletId { get; init; } = string.Empty;

    /// <summary>Leader wallet addresses; one follow order each.</summary>
    public IReadOnlyList<string> Leaders { get; init; } = [];

    /// <summary>Most native currency per copied buy (UI units).</summary>
    public decimal MaxBuyAmountUI { get; init; }

    /// <summary>Take-profit as a fraction (0.5 = +50 %) for the TP/SL tasks of each copied buy; 0 = none.</summary>
    public decimal StopEarnPercent { get; init; }

    /// <summary>Prefix of the follow orders' names (<c>&lt;prefix&gt;-&lt;n&gt;</c>): how the strategy finds its tasks again after a restart.</summary>
    [Required]
    public string NamePrefix { get; init; } = string.Empty;

    /// <summary>Start of the daily window, a UTC time of day <c>HH:mm</c> or <c>HH:mm:ss</c>; the window may wrap past midnight.</summary>
    public string WindowStart { get; init; } = string.Empty;

    /// <summary>End of the daily window (UTC time of day <c>HH:mm</c> or <c>HH:mm:ss</c>, exclusive).</summary>
    public string WindowEnd { get; init; } = string.Empty;

    /// <summary>How often the window is checked (and a missing or unknown state is read again).</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (Leaders.Count == 0 || Leaders.Any(string.IsNullOrWhiteSpace))
        {
            yield return "leaders must list at least one non-empty leader address";
        }

        if (MaxBuyAmountUI <= 0m)
        {
            yield return $"max-buy-amount-ui must be positive, got {MaxBuyAmountUI}";
        }

        if (StopEarnPercent < 0m)
        {
            yield return $"stop-earn-percent must not be negative, got {StopEarnPercent}";
        }

        if (TimeOfDay(WindowStart) is not { } start || TimeOfDay(WindowEnd) is not { } end || start == end)
        {
            yield return $"window-start '{WindowStart}' and window-end '{WindowEnd}' must be different UTC times of day written HH:mm or HH:mm:ss (00:00 to 23:59:59)";
        }

        if (CheckInterval <= TimeSpan.Zero)
        {
            yield return $"check-interval must be positive, got {CheckInterval}";
        }
    }

    /// <summary>True when <paramref name="now"/>'s UTC time of day is inside the window.</summary>
    public bool IsOpen(DateTimeOffset now)
    {
        var time = now.UtcDateTime.TimeOfDay;
        var start = TimeOfDay(WindowStart) ?? TimeSpan.Zero;
        var end = TimeOfDay(WindowEnd) ?? TimeSpan.Zero;
        return start < end ? time >= start && time < end : time >= start || time < end;
    }

    private static TimeSpan? TimeOfDay(string text) =>
        TimeSpan.TryParseExact(text, [@"hh\:mm", @"hh\:mm\:ss"], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
