using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Engine.Actors.Budget;
using Engine.Config;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// One Binance login's settings (bound from HOCON with kebab-case keys, validated at start-up by
/// <see cref="Validate"/>). <see cref="Secret"/> and the private key are secrets: they never appear in
/// <see cref="ToString"/>, logs, errors or the journal; the private key is read from
/// <see cref="PrivateKeyPath"/> or the variable named by <see cref="PrivateKeyEnv"/> only when the signer is
/// built. Immutable and thread-safe.
/// </summary>
public sealed record BinanceOptions : IValidatableOptions
{
    /// <summary>The documented request weights (reference §5); <see cref="Weights"/> overrides single methods.</summary>
    public static readonly ImmutableDictionary<string, int> DefaultWeights = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [W.Methods.Ping] = 1,
        [W.Methods.Time] = 1,
        [W.Methods.ExchangeInfo] = 20,
        [W.Methods.SessionLogon] = 2,
        [W.Methods.SessionStatus] = 2,
        [W.Methods.SessionLogout] = 2,
        [W.Methods.Subscribe] = 2,
        [W.Methods.SubscribeSignature] = 2,
        [W.Methods.Unsubscribe] = 2,
        [W.Methods.OrderPlace] = 1,
        [W.Methods.OrderCancel] = 1,
        [W.Methods.CancelAll] = 1,
        [W.Methods.OrderStatus] = 4,
        [W.Methods.OpenOrdersStatus] = 6,
        [W.Methods.AccountStatus] = 20,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    /// <summary><c>openOrders.status</c> without a symbol costs 80 instead of 6.</summary>
    public const int OpenOrdersAllSymbolsWeight = 80;

    /// <summary>The WebSocket API endpoint (testnet, demo or the loopback simulator); <c>sim://binance</c> is a placeholder the host rewrites to its in-process simulator.</summary>
    public Uri Url { get; init; } = new("wss://ws-api.binance.com:443/ws-api/v3");

    /// <summary>The API key (public).</summary>
    [Required]
    public required string ApiKey { get; init; }

    /// <summary>HMAC or Ed25519; Ed25519 is preferred (one <c>session.logon</c> per connection).</summary>
    public BinanceKeyType KeyType { get; init; } = BinanceKeyType.Ed25519;

    /// <summary>The HMAC secret (key-type hmac), usually <c>${?BINANCE_SECRET}</c>. Secret.</summary>
    [Secret]
    public string? Secret { get; init; }

    /// <summary>A file holding the Ed25519 private key as a PKCS#8 PEM (key-type ed25519).</summary>
    public string? PrivateKeyPath { get; init; }

    /// <summary>The name (not the value) of an environment variable holding the PEM or the base64 seed (key-type ed25519).</summary>
    public string? PrivateKeyEnv { get; init; }

    /// <summary>How long after <c>timestamp</c> the server may still accept a request (ms); at most 60000.</summary>
    [Range(1, 60_000)]
    public int RecvWindow { get; init; } = 5000;

    /// <summary>Deadline of every request; a timeout makes the outcome unknown, never rejected.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Symbols this login trades (their rules come from <c>exchangeInfo</c>).</summary>
    public ImmutableArray<string> Symbols { get; init; } = [];

    /// <summary>REQUEST_WEIGHT per minute (per IP).</summary>
    [Range(1, 1_000_000)]
    public int RequestWeightPerMinute { get; init; } = 6000;

    /// <summary>ORDERS per 10 seconds (per account).</summary>
    [Range(1, 1_000_000)]
    public int OrdersPerTenSeconds { get; init; } = 50;

    /// <summary>ORDERS per UTC day (per account).</summary>
    [Range(1, 100_000_000)]
    public int OrdersPerDay { get; init; } = 160_000;

    /// <summary>Weight overrides per method name (<c>"order.status" = 4</c>); methods not listed use <see cref="DefaultWeights"/>.</summary>
    public IReadOnlyDictionary<string, int> Weights { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>Reconnect proactively after this long; Binance drops connections at 24 h.</summary>
    public TimeSpan SessionLifetime { get; init; } = new(23, 50, 0);

    /// <summary>How often the server time offset is re-estimated with <c>time</c> (also on every -1021).</summary>
    public TimeSpan TimeResyncInterval { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many <c>time</c> samples the offset is the median of.</summary>
    [Range(1, 100)]
    public int TimeSamples { get; init; } = 5;

    /// <summary>The budget's windows: REQUEST_WEIGHT per minute, ORDERS per 10 s and per day.</summary>
    public ImmutableArray<RateWindowSpec> BudgetWindows =>
    [
        new("REQUEST_WEIGHT", RateUnit.Weight, RequestWeightPerMinute, TimeSpan.FromMinutes(1)),
        new("ORDERS", RateUnit.Orders, OrdersPerTenSeconds, TimeSpan.FromSeconds(10)),
        new("ORDERS", RateUnit.Orders, OrdersPerDay, TimeSpan.FromDays(1)),
    ];

    /// <summary>The weight of <paramref name="method"/>: the override, else the documented weight, else 1.</summary>
    public int WeightOf(string method) =>
        Weights.TryGetValue(method, out var w) ? w : DefaultWeights.TryGetValue(method, out w) ? w : 1;

    /// <summary>Every problem, one sentence each naming the key and what is expected; empty when valid. Never quotes a secret.</summary>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (Url.Scheme is not ("ws" or "wss" or "sim"))
        {
            errors.Add($"url: '{Url}' must be a ws:// or wss:// address (or sim://binance for the in-process simulator)");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            errors.Add("api-key: must not be empty");
        }

        if (KeyType == BinanceKeyType.Hmac && string.IsNullOrEmpty(Secret))
        {
            errors.Add("secret: key-type hmac needs the HMAC secret (for example secret = ${?BINANCE_SECRET})");
        }

        if (KeyType == BinanceKeyType.Ed25519 && string.IsNullOrWhiteSpace(PrivateKeyPath) == string.IsNullOrWhiteSpace(PrivateKeyEnv))
        {
            errors.Add("private-key-path / private-key-env: key-type ed25519 needs exactly one of them");
        }

        if (RecvWindow is < 1 or > 60_000)
        {
            errors.Add($"recv-window: {RecvWindow} ms must be between 1 and 60000");
        }

        Positive(errors, "request-timeout", RequestTimeout);
        Positive(errors, "time-resync-interval", TimeResyncInterval);
        if (SessionLifetime <= TimeSpan.Zero || SessionLifetime >= TimeSpan.FromHours(24))
        {
            errors.Add($"session-lifetime: {SessionLifetime} must be positive and shorter than the 24 h Binance allows");
        }

        foreach (var (key, value) in new[] { ("request-weight-per-minute", RequestWeightPerMinute), ("orders-per-ten-seconds", OrdersPerTenSeconds), ("orders-per-day", OrdersPerDay), ("time-samples", TimeSamples) })
        {
            if (value <= 0)
            {
                errors.Add($"{key}: {value.ToString(CultureInfo.InvariantCulture)} must be positive");
            }
        }

        foreach (var (method, weight) in Weights)
        {
            if (weight <= 0 || weight > RequestWeightPerMinute)
            {
                errors.Add($"weights.{method}: {weight.ToString(CultureInfo.InvariantCulture)} must be between 1 and request-weight-per-minute");
            }
        }

        if (Symbols.IsDefault || Symbols.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("symbols: must be a list of non-empty symbols such as [BTCUSDT]");
        }

        return errors;
    }

    /// <summary>
    /// The signer of this login. The HMAC secret comes from <see cref="Secret"/>; the Ed25519 key from the file
    /// or the environment variable, read through <paramref name="readFile"/> and <paramref name="environment"/>
    /// (injected so tests need neither). Errors name the key and never quote its content.
    /// </summary>
    public Mapped<BinanceSigner> CreateSigner(Func<string, string?> environment, Func<string, string> readFile)
    {
        if (KeyType == BinanceKeyType.Hmac)
        {
            return string.IsNullOrEmpty(Secret)
                ? new(null, "secret: key-type hmac needs the HMAC secret")
                : new(BinanceSigner.Hmac(ApiKey, Secret), null);
        }

        string? text;
        string source;
        if (!string.IsNullOrWhiteSpace(PrivateKeyPath))
        {
            source = $"private-key-path '{PrivateKeyPath}'";
            try
            {
                text = readFile(PrivateKeyPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new(null, $"{source}: cannot be read ({ex.GetType().Name})");
            }
        }
        else if (!string.IsNullOrWhiteSpace(PrivateKeyEnv))
        {
            source = $"private-key-env '{PrivateKeyEnv}'";
            text = environment(PrivateKeyEnv);
        }
        else
        {
            return new(null, "private-key-path / private-key-env: key-type ed25519 needs one of them");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, $"{source}: is empty or not set");
        }

        var signer = BinanceSigner.Ed25519FromText(ApiKey, text);
        return signer.IsOk ? signer : new(null, $"{source}: {signer.Error}");
    }

    /// <summary>Everything but the secret, which prints as <c>***</c> (or <c>(none)</c>); the env var prints by name only.</summary>
    public override string ToString() =>
        $"BinanceOptions {{ Url = {Url}, ApiKey = {ApiKey}, KeyType = {KeyType}, Secret = {(string.IsNullOrEmpty(Secret) ? "(none)" : "***")}, " +
        $"PrivateKeyPath = {PrivateKeyPath}, PrivateKeyEnv = {PrivateKeyEnv}, RecvWindow = {RecvWindow}, RequestTimeout = {RequestTimeout}, " +
        $"Symbols = [{string.Join(", ", Symbols.IsDefault ? [] : Symbols)}], RequestWeightPerMinute = {RequestWeightPerMinute}, " +
        $"OrdersPerTenSeconds = {OrdersPerTenSeconds}, OrdersPerDay = {OrdersPerDay}, Weights = {Weights.Count} override(s), " +
        $"SessionLifetime = {SessionLifetime}, TimeResyncInterval = {TimeResyncInterval}, TimeSamples = {TimeSamples} }}";

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key}: {value} must be positive");
        }
    }
}
