namespace Engine.Simulator.Venues.Binance;

/// <summary>
/// Binance's limits with clock-aligned windows (reference §7.4): request weight per IP per minute, orders per
/// account per 10 seconds and per UTC day, connection attempts per IP per 5 minutes. A request refused with
/// 429 is not counted; sending again before the 429's retry time bans the IP for
/// <see cref="BinanceOptions.BanDuration"/> (418). Pure: every call takes <c>now</c>. Not thread-safe: the
/// venue serialises calls.
/// </summary>
public sealed class BinanceRateLimiter(BinanceRateLimitOptions limits, TimeSpan banDuration)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan TenSeconds = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Window> weight = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> ordersShort = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> ordersDay = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> penalties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> bans = new(StringComparer.Ordinal);

    /// <summary>The configured limits.</summary>
    public BinanceRateLimitOptions Limits { get; } = limits;

    /// <summary>End of the ban of <paramref name="ip"/>, or null when it is not banned at <paramref name="now"/>.</summary>
    public DateTimeOffset? BannedUntil(string ip, DateTimeOffset now) => bans.TryGetValue(ip, out var end) && now < end ? end : null;

    /// <summary>Counts a connection attempt and its weight; false when the IP is banned or over the connection limit.</summary>
    public bool ChargeConnection(string ip, DateTimeOffset now)
    {
        if (BannedUntil(ip, now) is not null)
        {
            return false;
        }

        var window = Current(connections, ip, FiveMinutes, now);
        if (window.Count + 1 > Limits.ConnectionsPerFiveMinutes)
        {
            return false;
        }

        window.Count++;
        var w = Current(weight, ip, Minute, now);
        w.Count = Math.Min(Limits.WeightPerMinute, w.Count + Limits.ConnectWeight);
        return true;
    }

    /// <summary>Charges <paramref name="requestWeight"/> to <paramref name="ip"/>.</summary>
    public RateDecision ChargeWeight(string ip, int requestWeight, DateTimeOffset now)
    {
        if (Gate(ip, now) is { } refused)
        {
            return refused;
        }

        var window = Current(weight, ip, Minute, now);
        if (window.Count + requestWeight > Limits.WeightPerMinute)
        {
            return Penalise(ip, window.Start + Minute);
        }

        window.Count += requestWeight;
        return RateDecision.Allowed;
    }

    /// <summary>Counts one new order of <paramref name="account"/> in both order windows, or refuses it (429, -1015).</summary>
    public RateDecision ChargeOrder(string ip, string account, DateTimeOffset now)
    {
        var shortWindow = Current(ordersShort, account, TenSeconds, now);
        var dayWindow = Current(ordersDay, account, Day, now);
        if (shortWindow.Count + 1 > Limits.OrdersPerTenSeconds)
        {
            return Penalise(ip, shortWindow.Start + TenSeconds);
        }

        if (dayWindow.Count + 1 > Limits.OrdersPerDay)
        {
            return Penalise(ip, dayWindow.Start + Day);
        }

        shortWindow.Count++;
        dayWindow.Count++;
        return RateDecision.Allowed;
    }

    /// <summary>Records a 429 forced by a fault, so that a retry before <paramref name="until"/> is banned like a real one.</summary>
    public RateDecision Penalise(string ip, DateTimeOffset until)
    {
        penalties[ip] = until;
        return new RateDecision(RateVerdict.TooMany, until);
    }

    /// <summary>Usage as response <c>rateLimits</c>: ORDERS (10 s, day) first when <paramref name="account"/> is given, then REQUEST_WEIGHT.</summary>
    public IReadOnlyList<RateLimitUsage> Usage(string ip, string? account, DateTimeOffset now)
    {
        var list = new List<RateLimitUsage>(3);
        if (account is not null)
        {
            list.Add(new("ORDERS", "SECOND", 10, Limits.OrdersPerTenSeconds, Current(ordersShort, account, TenSeconds, now).Count));
            list.Add(new("ORDERS", "DAY", 1, Limits.OrdersPerDay, Current(ordersDay, account, Day, now).Count));
        }

        list.Add(new("REQUEST_WEIGHT", "MINUTE", 1, Limits.WeightPerMinute, Current(weight, ip, Minute, now).Count));
        return list;
    }

    private RateDecision? Gate(string ip, DateTimeOffset now)
    {
        if (BannedUntil(ip, now) is { } end)
        {
            return new RateDecision(RateVerdict.Banned, end);
        }

        if (penalties.TryGetValue(ip, out var until))
        {
            penalties.Remove(ip);
            if (now < until)
            {
                var banEnd = now + banDuration;
                bans[ip] = banEnd;
                return new RateDecision(RateVerdict.Banned, banEnd, NewBan: true);
            }
        }

        return null;
    }

    private static Window Current(Dictionary<string, Window> windows, string key, TimeSpan length, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % length.Ticks), TimeSpan.Zero);
        if (!windows.TryGetValue(key, out var window) || window.Start != start)
        {
            window = new Window { Start = start };
            windows[key] = window;
        }

        return window;
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; init; }

        public int Count { get; set; }
    }
}
