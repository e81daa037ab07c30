using System.Collections.Immutable;
using Engine.Actors.Budget;

namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// One quant gateway login's settings (bound from HOCON, validated at start-up by <see cref="Validate"/>).
/// <see cref="SecretKey"/> is a secret: it never appears in <see cref="ToString"/>, logs or the journal.
/// Immutable and thread-safe.
/// </summary>
public sealed record QuantGatewayOptions
{
    /// <summary>The platforms the gateway knows; okex is listed so that validation can say why it is refused.</summary>
    public static readonly ImmutableArray<string> Platforms = ["huobi", "huobi_future", "ftx", "okex"];

    /// <summary>
    /// The gateway's WebSocket endpoint. <c>sim://quant-gateway</c> names the host's in-process simulator; the host
    /// replaces it with the simulator's real <c>ws://127.0.0.1:port</c> address before any connection starts.
    /// </summary>
    public Uri Url { get; init; } = new("ws://127.0.0.1:9878/ws/v1");

    /// <summary><c>huobi</c>, <c>huobi_future</c> or <c>ftx</c> (case-sensitive).</summary>
    public required string Platform { get; init; }

    /// <summary>Symbols in the platform's own format (<c>BTC/USDT</c>, <c>BTC200925</c>, <c>ETH-PERP</c>); only these get push notifications.</summary>
    public required ImmutableArray<string> Symbols { get; init; }

    /// <summary>The exchange account's access key.</summary>
    public required string AccessKey { get; init; }

    /// <summary>The exchange account's secret key. Secret: redacted everywhere.</summary>
    public required string SecretKey { get; init; }

    /// <summary>Time between <c>ping</c> frames (always sent, whatever other traffic).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>No valid frame for this long: the connection is dead.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Deadline of every request; a timeout makes the outcome unknown, never rejected.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(35);

    /// <summary>Requests allowed per <see cref="BudgetWindow"/>; null for no limit (the gateway itself has none).</summary>
    public int? BudgetRequests { get; init; }

    /// <summary>Window of <see cref="BudgetRequests"/>.</summary>
    public TimeSpan BudgetWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <c>state</c> messages for a token not yet returned by a login reply are kept (code 1 arrives first).</summary>
    public TimeSpan StateBufferTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Never send exactly one id in <c>order_nos</c> (the real server does not reply): pad with <see cref="CancelPadId"/>.</summary>
    public bool PadSingleCancel { get; init; } = true;

    /// <summary>The dummy order id used for padding; its failure item in the reply is ignored.</summary>
    public string CancelPadId { get; init; } = "0";

    /// <summary>True on huobi_future: signed quantities (open/close) and whole contracts.</summary>
    public bool IsFutures => Platform == "huobi_future";

    /// <summary>True on huobi: asset notifications carry only the free amount.</summary>
    public bool AssetNotificationsFreeOnly => Platform == "huobi";

    /// <summary>True where the server answers <c>position</c> (huobi_future, ftx); spot never replies.</summary>
    public bool HasPositions => Platform is "huobi_future" or "ftx";

    /// <summary>The request budget's windows; empty when unlimited.</summary>
    public ImmutableArray<RateWindowSpec> BudgetWindows => BudgetRequests is { } n
        ? [new RateWindowSpec("REQUESTS", RateUnit.Requests, n, BudgetWindow)]
        : [];

    /// <summary>
    /// Every problem, one sentence each naming the key and what is expected; empty when valid. A <c>sim://</c> URL is
    /// accepted: it is a placeholder the host rewrites to its in-process simulator's ws:// address at start-up.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Url.Scheme is not ("ws" or "wss" or "sim"))
        {
            errors.Add($"url: '{Url}' must be a ws:// or wss:// address (or sim://<venue> for the in-process simulator)");
        }

        if (Platform == "okex")
        {
            errors.Add("platform: okex can never log in through the quant gateway (it needs a passphrase that login cannot pass)");
        }
        else if (!Platforms.Contains(Platform))
        {
            errors.Add($"platform: '{Platform}' is not one of huobi, huobi_future, ftx (case-sensitive)");
        }

        if (Symbols.IsDefaultOrEmpty)
        {
            errors.Add("symbols: at least one symbol is required");
        }
        else if (Symbols.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("symbols: a symbol is empty");
        }

        if (string.IsNullOrWhiteSpace(AccessKey))
        {
            errors.Add("access-key: must not be empty");
        }

        if (string.IsNullOrWhiteSpace(SecretKey))
        {
            errors.Add("secret-key: must not be empty");
        }

        Positive(errors, "ping-interval", PingInterval);
        Positive(errors, "idle-timeout", IdleTimeout);
        Positive(errors, "request-timeout", RequestTimeout);
        Positive(errors, "budget-window", BudgetWindow);
        Positive(errors, "state-buffer-time", StateBufferTime);
        if (PingInterval >= IdleTimeout)
        {
            errors.Add($"ping-interval: {PingInterval} must be shorter than idle-timeout {IdleTimeout}");
        }

        if (BudgetRequests is <= 0)
        {
            errors.Add($"budget-requests: {BudgetRequests} must be positive (or absent for no limit)");
        }

        if (string.IsNullOrWhiteSpace(CancelPadId))
        {
            errors.Add("cancel-pad-id: must not be empty");
        }

        return errors;
    }

    /// <summary>Everything but the secret key, which prints as <c>***</c>.</summary>
    public override string ToString() =>
        $"QuantGatewayOptions {{ Url = {Url}, Platform = {Platform}, Symbols = [{string.Join(", ", Symbols.IsDefault ? [] : Symbols)}], " +
        $"AccessKey = {AccessKey}, SecretKey = ***, PingInterval = {PingInterval}, IdleTimeout = {IdleTimeout}, " +
        $"RequestTimeout = {RequestTimeout}, BudgetRequests = {BudgetRequests}, BudgetWindow = {BudgetWindow}, " +
        $"StateBufferTime = {StateBufferTime}, PadSingleCancel = {PadSingleCancel}, CancelPadId = {CancelPadId} }}";

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key}: {value} must be positive");
        }
    }
}
