using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Engine.Actors.Budget;
using Engine.Config;

namespace Engine.Actors.Venues.Toobit;

/// <summary>
/// One Toobit login's settings (bound from HOCON with kebab-case keys, validated at start-up by <see cref="Validate"/>).
/// <see cref="Secret"/> never appears in <see cref="ToString"/>, logs, errors or the journal. Immutable and thread-safe.
/// </summary>
public sealed record ToobitOptions : IValidatableOptions
{
    /// <summary>The documented request weights per endpoint (reference §3–§4, §8.1); <see cref="Weights"/> overrides single ones.</summary>
    public static readonly ImmutableDictionary<string, int> DefaultWeights = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [ToobitPaths.Time] = 1,
        [ToobitPaths.ExchangeInfo] = 1,
        [ToobitPaths.SpotOrder] = 1,
        [ToobitPaths.SpotBatchOrders] = 2,
        [ToobitPaths.SpotOpenOrders] = 1,
        [ToobitPaths.SpotCancelAll] = 5,
        [ToobitPaths.SpotCancelByIds] = 5,
        [ToobitPaths.Account] = 5,
        [ToobitPaths.FuturesOrder] = 1,
        [ToobitPaths.FuturesOpenOrders] = 1,
        [ToobitPaths.FuturesCancelAll] = 5,
        [ToobitPaths.FuturesCancelByIds] = 5,
        [ToobitPaths.FuturesPositions] = 5,
        [ToobitPaths.FuturesLeverage] = 1,
        [ToobitPaths.UserDataStream] = 1,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary>The REST base URL; <c>sim://toobit</c> is a placeholder the host rewrites to its in-process simulator.</summary>
    public Uri Url { get; init; } = new("https://api.toobit.com");

    /// <summary>The user-stream base URL (the listen key is appended as <c>/api/v1/ws/&lt;key&gt;</c>); null derives it from <see cref="Url"/>'s host (simulator) or uses <c>wss://stream.toobit.com</c>.</summary>
    public Uri? StreamUrl { get; init; }

    /// <summary>The API key (public; sent as <c>X-BB-APIKEY</c>).</summary>
    [Required]
    public required string ApiKey { get; init; }

    /// <summary>The HMAC secret, usually <c>${?TOOBIT_SECRET}</c>. Secret.</summary>
    [Secret]
    public string? Secret { get; init; }

    /// <summary>How long after <c>timestamp</c> the server may still accept a request (ms); the docs advise 5000.</summary>
    [Range(1, 60_000)]
    public int RecvWindow { get; init; } = 5000;

    /// <summary>Deadline of every request; a timeout makes the outcome unknown, never rejected.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Symbols this login trades: spot (<c>BTCUSDT</c>) and USDT-M perpetuals (<c>BTC-SWAP-USDT</c>).</summary>
    public ImmutableArray<string> Symbols { get; init; } = [];

    /// <summary>Leverage set per futures symbol when the login gets ready (<c>/api/v1/futures/leverage</c>); unlisted symbols keep the venue's.</summary>
    public IReadOnlyDictionary<string, int> Leverage { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>REQUEST_WEIGHT per minute (per IP).</summary>
    [Range(1, 1_000_000)]
    public int RequestWeightPerMinute { get; init; } = 3000;

    /// <summary>ORDERS per <see cref="OrderInterval"/> (per account).</summary>
    [Range(1, 1_000_000)]
    public int OrdersPerInterval { get; init; } = 60;

    /// <summary>The ORDERS window (<c>intervalUnit</c> × <c>interval</c> of <c>exchangeInfo.rateLimits</c>: 60 SECOND).</summary>
    public TimeSpan OrderInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Weight overrides per endpoint path; paths not listed use <see cref="DefaultWeights"/>.</summary>
    public IReadOnlyDictionary<string, int> Weights { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>How often the listen key is extended with PUT (docs: valid 60 minutes; Toobit.Net: every 30).</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Interval of the stream's <c>{"ping":…}</c>.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The stream is dead when no <c>{"pong":…}</c> came this long after a ping.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect proactively after this long; the venue drops streams at 24 h.</summary>
    public TimeSpan SessionLifetime { get; init; } = new(23, 50, 0);

    /// <summary>Pause after a 429 that carries no <c>Retry-After</c> (an order-rate 429).</summary>
    public TimeSpan RateLimitPause { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause after a 418 without <c>Retry-After</c>; a second 418 in one session stops the login.</summary>
    public TimeSpan BanPause { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The budget's windows: REQUEST_WEIGHT per minute and ORDERS per interval.</summary>
    public ImmutableArray<RateWindowSpec> BudgetWindows =>
    [
        new("REQUEST_WEIGHT", RateUnit.Weight, RequestWeightPerMinute, TimeSpan.FromMinutes(1)),
        new("ORDERS", RateUnit.Orders, OrdersPerInterval, OrderInterval),
    ];

    /// <summary>The stream base URL in use: <see cref="StreamUrl"/>, else <c>ws(s)://</c> on <see cref="Url"/>'s authority for a loopback URL, else the venue's.</summary>
    public Uri EffectiveStreamUrl => StreamUrl
        ?? (Url.IsLoopback ? new Uri($"{(Url.Scheme == "https" ? "wss" : "ws")}://{Url.Authority}/") : new Uri("wss://stream.toobit.com/"));

    /// <summary>The weight of <paramref name="path"/>: the override, else the documented weight, else 1.</summary>
    public int WeightOf(string path) =>
        Weights.TryGetValue(path, out var w) ? w : DefaultWeights.TryGetValue(path, out w) ? w : 1;

    /// <summary>Every problem, one sentence each naming the key and what is expected; empty when valid. Never quotes a secret.</summary>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (Url.Scheme is not ("http" or "https" or "sim"))
        {
            errors.Add($"url: '{Url}' must be an http:// or https:// address (or sim://toobit for the in-process simulator)");
        }

        if (StreamUrl is { } stream && stream.Scheme is not ("ws" or "wss"))
        {
            errors.Add($"stream-url: '{stream}' must be a ws:// or wss:// address");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add("api-key: must not be empty");
        }

        if (string.IsNullOrEmpty(Secret))
        {
            errors.Add("secret: the HMAC secret is needed (for example secret = ${?TOOBIT_SECRET})");
        }

        foreach (var (key, value) in new[] { ("request-timeout", RequestTimeout), ("keep-alive-interval", KeepAliveInterval), ("ping-interval", PingInterval), ("pong-timeout", PongTimeout), ("rate-limit-pause", RateLimitPause), ("ban-pause", BanPause), ("order-interval", OrderInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{key}: {value} must be positive");
            }
        }

        if (KeepAliveInterval >= TimeSpan.FromMinutes(60))
        {
            errors.Add($"keep-alive-interval: {KeepAliveInterval} must be shorter than the listen key's 60 minutes");
        }

        if (SessionLifetime <= TimeSpan.Zero || SessionLifetime >= TimeSpan.FromHours(24))
        {
            errors.Add($"session-lifetime: {SessionLifetime} must be positive and shorter than the 24 h Toobit allows");
        }

        if (RecvWindow is < 1 or > 60_000)
        {
            errors.Add($"recv-window: {RecvWindow} ms must be between 1 and 60000");
        }

        foreach (var (path, weight) in Weights)
        {
            if (weight <= 0 || weight > RequestWeightPerMinute)
            {
                errors.Add($"weights.{path}: {weight.ToString(CultureInfo.InvariantCulture)} must be between 1 and request-weight-per-minute");
            }
        }

        foreach (var (symbol, leverage) in Leverage)
        {
            if (!ToobitPaths.IsFutures(symbol) || leverage is < 1 or > 100)
            {
                errors.Add($"leverage.{symbol}: {leverage.ToString(CultureInfo.InvariantCulture)} must be 1 to 100 for a futures symbol such as BTC-SWAP-USDT");
            }
        }

        if (Symbols.IsDefault || Symbols.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("symbols: must be a list of non-empty symbols such as [BTCUSDT, BTC-SWAP-USDT]");
        }

        return errors;
    }

    /// <summary>Everything but the secret, which prints as <c>***</c> (or <c>(none)</c>).</summary>
    public override string ToString() =>
        $"ToobitOptions {{ Url = {Url}, StreamUrl = {StreamUrl}, ApiKey = {ApiKey}, Secret = {(string.IsNullOrEmpty(Secret) ? "(none)" : "***")}, " +
        $"RecvWindow = {RecvWindow}, RequestTimeout = {RequestTimeout}, Symbols = [{string.Join(", ", Symbols.IsDefault ? [] : Symbols)}], " +
        $"RequestWeightPerMinute = {RequestWeightPerMinute}, OrdersPerInterval = {OrdersPerInterval}, OrderInterval = {OrderInterval} }}";
}
