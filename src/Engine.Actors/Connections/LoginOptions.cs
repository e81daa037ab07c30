using System.ComponentModel.DataAnnotations;
using Engine.Actors.Venues.Binance;
using Engine.Actors.Venues.DBot;
using Engine.Actors.Venues.QuantGateway;
using Engine.Actors.Venues.Toobit;
using Engine.Config;

namespace Engine.Actors.Connections;

/// <summary>
/// One exchange login (one item of <c>engine.logins</c>): its name, its venue and that venue's section.
/// Each login becomes one connection actor under the connections supervisor.
/// </summary>
public sealed record LoginOptions : IValidatableOptions
{
    /// <summary>Venue name of the quant gateway (seed 001).</summary>
    public const string QuantGatewayVenue = "quant-gateway";

    /// <summary>Venue name of the Binance Spot WebSocket API.</summary>
    public const string BinanceVenue = "binance";

    /// <summary>Venue name of Toobit (REST with a listen-key user stream; spot and USDT-M futures).</summary>
    public const string ToobitVenue = "toobit";
    /// <summary>Venue name of DBot, the trading-bot service (automation tasks over its trading WebSocket).</summary>
    public const string DBotVenue = "dbot";

    /// <summary>Unique login name; also the connection actor's name and the journal's <c>orders/&lt;name&gt;</c>.</summary>
    [Required]
    public string Name { get; init; } = string.Empty;

    /// <summary>Which venue this login trades on; the matching venue section must be present.</summary>
    [Required]
    public string Venue { get; init; } = string.Empty;

    /// <summary>False keeps the login in the file without connecting it.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Quant gateway settings, required when <see cref="Venue"/> is <c>quant-gateway</c>.</summary>
    public QuantGatewayOptions? QuantGateway { get; init; }

    /// <summary>Binance settings, required when <see cref="Venue"/> is <c>binance</c>.</summary>
    public BinanceOptions? Binance { get; init; }

    /// <summary>Toobit settings, required when <see cref="Venue"/> is <c>toobit</c>.</summary>
    public ToobitOptions? Toobit { get; init; }

    /// <summary>DBot settings, required when <see cref="Venue"/> is <c>dbot</c>.</summary>
    [HoconKey("dbot")]
    public DBotOptions? DBot { get; init; }

    /// <summary>The venue section's URL (the WebSocket endpoint, Toobit's REST base URL; <c>sim://&lt;venue&gt;</c> before the host rewrites it); null without a section.</summary>
    public Uri? Url => QuantGateway?.Url ?? Binance?.Url ?? Toobit?.Url ?? DBot?.Url;

    /// <summary>This login with its venue section's URL replaced by <paramref name="url"/> (the host's simulator rewrite).</summary>
    public LoginOptions WithUrl(Uri url) => this with
    {
        QuantGateway = QuantGateway is { } qg ? qg with { Url = url } : null,
        Binance = Binance is { } binance ? binance with { Url = url } : null,
        Toobit = Toobit is { } toobit ? toobit with { Url = url } : null,
        DBot = DBot is { } dbot ? dbot with { Url = url } : null,
    };

    /// <summary>
    /// Logins with the same group share one socket (quant gateway token multiplexing); they must name the
    /// same venue URL (the first to connect opens it). Null gives the login its own socket.
    /// </summary>
    public string? SocketGroup { get; init; }

    /// <summary>First delay before reconnecting after the socket was lost; doubles per failed attempt (with jitter).</summary>
    public TimeSpan ReconnectMinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between reconnect attempts (and between restarts of a failed connection actor).</summary>
    public TimeSpan ReconnectMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter: each delay is multiplied by 1 + random * this factor.</summary>
    [Range(0.0, 1.0)]
    public double ReconnectRandomFactor { get; init; } = 0.2;

    /// <summary>Time between reconciliations while ready (open orders, balances, positions); zero turns the periodic one off (every READY still reconciles).</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a drain may wait for cancel confirmations before it logs out anyway.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>What reconciliation does with an open order of the account no order of this engine matches: report (default) or cancel.</summary>
    public ExternalOrderPolicy ExternalOrders { get; init; } = ExternalOrderPolicy.Report;

    /// <inheritdoc />
    public IEnumerable<string> Validate()
    {
        if (ReconnectMinBackoff <= TimeSpan.Zero)
        {
            yield return $"login '{Name}': reconnect-min-backoff {ReconnectMinBackoff} must be positive";
        }

        if (ReconnectMaxBackoff < ReconnectMinBackoff)
        {
            yield return $"login '{Name}': reconnect-max-backoff {ReconnectMaxBackoff} must be at least reconnect-min-backoff {ReconnectMinBackoff}";
        }

        if (ReconcileInterval < TimeSpan.Zero)
        {
            yield return $"login '{Name}': reconcile-interval {ReconcileInterval} must not be negative (zero turns it off)";
        }

        if (DrainTimeout <= TimeSpan.Zero)
        {
            yield return $"login '{Name}': drain-timeout {DrainTimeout} must be positive";
        }

        switch (Venue)
        {
            case QuantGatewayVenue when QuantGateway is null:
                yield return $"login '{Name}': venue quant-gateway needs a quant-gateway {{ ... }} section";
                break;
            case QuantGatewayVenue:
                foreach (var problem in QuantGateway.Validate())
                {
                    yield return $"login '{Name}': quant-gateway.{problem}";
                }

                break;
            case BinanceVenue when Binance is null:
                yield return $"login '{Name}': venue binance needs a binance {{ ... }} section";
                break;
            case BinanceVenue:
                foreach (var problem in Binance.Validate())
                {
                    yield return $"login '{Name}': binance.{problem}";
                }

                break;
            case ToobitVenue when Toobit is null:
                yield return $"login '{Name}': venue toobit needs a toobit {{ ... }} section";
                break;
            case ToobitVenue when SocketGroup is not null:
                yield return $"login '{Name}': socket-group '{SocketGroup}' is for logins that share one WebSocket (quant gateway); a toobit login has its own HTTP connections and stream";
                break;
            case ToobitVenue:
                foreach (var problem in Toobit.Validate())
                {
                    yield return $"login '{Name}': toobit.{problem}";
                }

                break;
            case DBotVenue when DBot is null:
                yield return $"login '{Name}': venue dbot needs a dbot {{ ... }} section";
                break;
            case DBotVenue when SocketGroup is { Length: > 0 }:
                yield return $"login '{Name}': socket-group is not supported for dbot (one socket per API key)";
                break;
            case DBotVenue:
                foreach (var problem in DBot.Validate())
                {
                    yield return $"login '{Name}': dbot.{problem}";
                }

                break;
            default:
                yield return $"login '{Name}': unknown venue '{Venue}'; expected one of: {QuantGatewayVenue}, {BinanceVenue}, {ToobitVenue}, {DBotVenue}";
                break;
        }
    }
}
