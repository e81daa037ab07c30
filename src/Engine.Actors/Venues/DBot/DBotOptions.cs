using System.Collections.Immutable;
using Engine.Actors.Budget;
using Engine.Config;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// One DBot login's settings (an API key; bound from HOCON, validated at start-up by <see cref="Validate"/>).
/// <see cref="ApiKey"/> is a secret: it never appears in <see cref="ToString"/>, logs or the journal. Immutable and
/// thread-safe.
/// </summary>
public sealed record DBotOptions
{
    /// <summary>
    /// The trading WebSocket (RPC and trade-result push). Never the <c>api-data-v1</c> host (a bug in DBot's code
    /// samples). <c>sim://dbot</c> names the host's in-process simulator.
    /// </summary>
    public Uri Url { get; init; } = new("wss://api-bot-v1.dbotx.com/trade/ws/");

    /// <summary>
    /// The trading REST base, for what has no WebSocket method (the account's wallets); null = the trading WebSocket's
    /// host (<c>wss://api-bot-v1.dbotx.com/...</c> gives <c>https://api-bot-v1.dbotx.com/</c>; the simulator's
    /// <c>ws://127.0.0.1:P/trade/ws</c> gives <c>http://127.0.0.1:P/</c>).
    /// </summary>
    public Uri? RestUrl { get; init; }

    /// <summary><see cref="RestUrl"/>, or the trading WebSocket's host over http(s).</summary>
    public Uri RestBase => RestUrl ?? new Uri($"{(Url.Scheme == "wss" ? "https" : "http")}://{Url.Authority}/");

    /// <summary>The user-bound key sent as <c>X-API-KEY</c> on the upgrade. Secret: redacted everywhere.</summary>
    [Secret]
    public required string ApiKey { get; init; }

    /// <summary>
    /// Subscribe to trade results on every connection (Plus plans and above). False on a Free plan: the login then
    /// opens its session with a one-item <c>listFollowOrders</c> and hears no trade results.
    /// </summary>
    public bool SubscribeTradeResults { get; init; } = true;

    /// <summary>Trade-result types to receive (<c>follow_buy_success</c>, ...); empty = every type, including future ones.</summary>
    public ImmutableArray<string> TradeTypeFilter { get; init; } = [];

    /// <summary>Interval of WebSocket protocol Ping frames (DBot wants one at least every minute; its examples use 30 s).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A Ping unanswered this long aborts the socket (it then reconnects).</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>No frame at all for this long reconnects (a quiet account receives nothing but pongs, which are not frames).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Deadline of every call; a timeout makes the command's outcome unknown (then the tasks are listed again).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Rate-limit tier of the account: 1 (trading 600/min, limit-order creation 60/min) or 2 (1500/min, 150/min).</summary>
    public int Tier { get; init; } = 1;

    /// <summary>The budget's windows for <see cref="Tier"/>.</summary>
    public ImmutableArray<RateWindowSpec> BudgetWindows => Tier == 2
        ? [new("TRADING", RateUnit.Requests, 1500, TimeSpan.FromMinutes(1)), new("LIMIT_ORDERS", RateUnit.Orders, 150, TimeSpan.FromMinutes(1))]
        : [new("TRADING", RateUnit.Requests, 600, TimeSpan.FromMinutes(1)), new("LIMIT_ORDERS", RateUnit.Orders, 60, TimeSpan.FromMinutes(1))];

    /// <summary>Every problem, one sentence each naming the key and what is expected; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Url.Scheme is not ("ws" or "wss" or "sim"))
        {
            errors.Add($"url: '{Url}' must be a ws:// or wss:// address (or sim://dbot for the in-process simulator)");
        }
        else if (Url.Host.StartsWith("api-data-", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"url: '{Url}' is DBot's data host; the trading WebSocket is on api-bot-v1 (DBot's code samples get this wrong)");
        }

        if (RestUrl is { Scheme: not ("http" or "https") })
        {
            errors.Add($"rest-url: '{RestUrl}' must be an http:// or https:// address");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add("api-key: must not be empty (set it from the environment, e.g. api-key = ${?DBOT_API_KEY})");
        }

        if (Tier is not (1 or 2))
        {
            errors.Add($"tier: {Tier} must be 1 or 2");
        }

        foreach (var (key, value) in new[] { ("ping-interval", PingInterval), ("pong-timeout", PongTimeout), ("idle-timeout", IdleTimeout), ("request-timeout", RequestTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{key}: {value} must be positive");
            }
        }

        if (PingInterval > TimeSpan.FromSeconds(55))
        {
            errors.Add($"ping-interval: {PingInterval} must be at most 55s (DBot closes a socket without a heartbeat for a minute)");
        }

        return errors;
    }

    /// <summary>Everything but the API key, which prints as <c>***</c>.</summary>
    public override string ToString() =>
        $"DBotOptions {{ Url = {Url}, RestUrl = {RestBase}, ApiKey = ***, SubscribeTradeResults = {SubscribeTradeResults}, " +
        $"TradeTypeFilter = [{string.Join(", ", TradeTypeFilter.IsDefault ? [] : TradeTypeFilter)}], PingInterval = {PingInterval}, " +
        $"PongTimeout = {PongTimeout}, IdleTimeout = {IdleTimeout}, RequestTimeout = {RequestTimeout}, Tier = {Tier} }}";
}
