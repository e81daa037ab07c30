using System.Globalization;

namespace Engine.Host.Cli;

/// <summary>
/// Durations on the command line: <c>500ms</c>, <c>60s</c>, <c>5m</c>, <c>2h</c>, or <c>hh:mm:ss</c>, positive and at
/// most <see cref="Max"/> (the longest a cancellation timer can wait). Never throws. Pure.
/// </summary>
internal static class DurationText
{
    /// <summary>The longest accepted duration: 49 days, within the limit of a timer's delay (2^32 - 2 ms).</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(49);

    /// <summary>The accepted forms and range, for error messages.</summary>
    public const string Expected = "a positive duration of at most 49 days such as 500ms, 60s, 5m or 1h";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
            {
                var total = amount * seconds;
                if (!double.IsFinite(total) || total <= 0 || total > Max.TotalSeconds)
                {
                    return false;
                }

                duration = TimeSpan.FromSeconds(total);
                return duration > TimeSpan.Zero;
            }
        }

        return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero && duration <= Max;
    }
}
