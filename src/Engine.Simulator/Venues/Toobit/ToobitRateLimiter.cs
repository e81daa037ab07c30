namespace Engine.Simulator.Venues.Toobit;

/// <summary>
/// Request weight per IP per minute and order count per account per window (reference §7), as fixed windows, and the
/// optional 418 escalation: an IP refused with 429 more than <c>banAfter</c> times in one window is banned. A refused
/// request is not counted. Not thread-safe: used under the simulator's lock.
/// </summary>
internal sealed class ToobitRateLimiter(ToobitOptions options)
{
    private readonly Dictionary<string, Window> weights = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> bans = new(StringComparer.Ordinal);

    /// <summary>Charges a request; throws the 418, 429 -1003 or 429 -1015 refusal when a limit is hit.</summary>
    public void Charge(string ip, string? accountId, int weight, bool isOrder, DateTimeOffset now)
    {
        if (bans.TryGetValue(ip, out var until) && until > now)
        {
            throw new ToobitException(418, -1003, $"Way too many requests; IP banned until {until.ToUnixTimeMilliseconds()}.", until - now);
        }

        var minute = Current(weights, ip, TimeSpan.FromMinutes(1), now);
        if (minute.Used + weight > options.RequestWeightPerMinute)
        {
            Refused(ip, minute, now);
            throw new ToobitException(429, -1003, "Too many requests; current limit is " + options.RequestWeightPerMinute + " request weight per 1 MINUTE.", minute.End - now);
        }

        if (isOrder && accountId is not null)
        {
            var window = Current(orders, accountId, TimeSpan.FromSeconds(options.OrderIntervalSeconds), now);
            if (window.Used + 1 > options.OrdersPerInterval)
            {
                Refused(ip, minute, now);
                throw new ToobitException(429, -1015, "Too many new orders; current limit is " + options.OrdersPerInterval + " orders per " + options.OrderIntervalSeconds + " SECOND.");
            }

            window.Used++;
        }

        minute.Used += weight;
    }

    private void Refused(string ip, Window minute, DateTimeOffset now)
    {
        minute.Refusals++;
        if (options.BanAfterRepeatedLimits > 0 && minute.Refusals > options.BanAfterRepeatedLimits)
        {
            bans[ip] = now + options.BanDuration;
        }
    }

    private static Window Current(Dictionary<string, Window> windows, string key, TimeSpan length, DateTimeOffset now)
    {
        if (!windows.TryGetValue(key, out var window) || window.End <= now)
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() / (long)length.TotalMilliseconds * (long)length.TotalMilliseconds);
            window = new Window { End = start + length };
            windows[key] = window;
        }

        return window;
    }

    private sealed class Window
    {
        public DateTimeOffset End { get; init; }

        public int Used { get; set; }

        public int Refusals { get; set; }
    }
}
