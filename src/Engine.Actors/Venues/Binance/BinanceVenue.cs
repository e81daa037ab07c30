using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Engine.Actors.Budget;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

/// <summary>
/// Binance behind the <see cref="IVenueCodec"/> seam, for one login. Holds the session state the frames depend
/// on: the server time offset (<see cref="Clock"/>; timestamps are the injected clock plus the offset), whether
/// the connection is logged on with Ed25519 (<see cref="IsLoggedOn"/>: then signed requests carry only
/// <c>timestamp</c> and <c>recvWindow</c>; otherwise every signed request carries <c>apiKey</c>, <c>timestamp</c>,
/// <c>recvWindow</c> and <c>signature</c>) and the user data <see cref="SubscriptionId"/>. The connection sets
/// them from the session replies and clears them on disconnect. Session frames (logon, subscribe, time, ping,
/// exchangeInfo) are in <c>BinanceVenue.Session.cs</c>. Not thread-safe: owned by the login's connection actor.
/// </summary>
public sealed partial class BinanceVenue : IVenueCodec
{
    private static readonly VenueId Id = new("binance");

    private readonly LoginId _login;
    private readonly BinanceOptions _options;
    private readonly BinanceSigner _signer;
    private readonly TimeProvider _time;

    /// <summary>Creates the codec of <paramref name="login"/>; the options must be valid and the signer built from them.</summary>
    public BinanceVenue(LoginId login, BinanceOptions options, BinanceSigner signer, TimeProvider time)
    {
        _login = login;
        _options = options;
        _signer = signer;
        _time = time;
        Clock = new TimeOffsetEstimator(options.TimeSamples);
    }

    /// <inheritdoc />
    public VenueId Venue => Id;

    /// <summary>The server time offset estimator; feed it every <c>time</c> round trip.</summary>
    public TimeOffsetEstimator Clock { get; }

    /// <summary>True once <c>session.logon</c> succeeded on the current connection (Ed25519 only); false after a disconnect.</summary>
    public bool IsLoggedOn { get; set; }

    /// <summary>The current user data subscription; pushes of other subscriptions are reported as problems. Null when not subscribed.</summary>
    public int? SubscriptionId { get; set; }

    /// <summary>The venue's clock as far as we know: local time plus the estimated offset.</summary>
    public DateTimeOffset ServerNow => _time.GetUtcNow() + Clock.Offset;

    /// <inheritdoc />
    public Mapped<string> Encode(VenueRequest request, string correlationKey, IBufferWriter<byte> output)
    {
        var call = request switch
        {
            PlaceOrderVenueRequest p => BinanceMapper.ToOrderPlace(p.Order),
            BinancePlaceQuoteOrderRequest q => BinanceMapper.ToOrderPlace(q.Order, q.QuoteQuantity),
            CancelOrdersVenueRequest { VenueOrderIds.Length: 0 } c => BinanceMapper.ToCancelAll(c.Symbol),
            CancelOrdersVenueRequest { VenueOrderIds: [var vid] } c => BinanceMapper.ToOrderCancel(c.Symbol, vid),
            CancelOrdersVenueRequest => new(null, "Binance cancels one order per request: send one cancel per order id (or none for all)"),
            OpenOrdersVenueRequest o => BinanceMapper.ToOpenOrders(o.Symbol),
            BinanceOrderStatusRequest s => BinanceMapper.ToOrderStatus(s.Symbol, s.ClientOrderId, s.VenueOrderId),
            BalancesVenueRequest => BinanceMapper.ToAccountStatus(),
            SymbolInfoVenueRequest s => new(BinanceMapper.ToExchangeInfo([s.Symbol.Value]), null),
            PositionVenueRequest => new(null, "Binance spot has no positions: query balances instead"),
            _ => new Mapped<W.Request>(null, $"Binance cannot send {request.GetType().Name}"),
        };

        if (call.Value is not { } frame)
        {
            return new(null, call.Error);
        }

        WriteCall(frame, correlationKey, output);
        return new(frame.Method, null);
    }

    /// <inheritdoc />
    public int WeightOf(VenueRequest request) => _options.WeightOf(MethodOf(request));

    /// <summary>What <paramref name="request"/> costs in the budget: its weight, and one order when it places one.</summary>
    public RateCost CostOf(VenueRequest request) => request is PlaceOrderVenueRequest or BinancePlaceQuoteOrderRequest
        ? RateCost.Order(WeightOf(request))
        : RateCost.Request(WeightOf(request));

    /// <inheritdoc />
    public VenueInbound Decode(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt) => DecodeDetailed(utf8, receivedAt).Inbound;

    /// <summary>Decodes one frame with its session signal and budget feedback; never throws.</summary>
    public BinanceDecoded DecodeDetailed(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        var frame = BinanceCodec.Decode(utf8, receivedAt);
        return frame switch
        {
            W.Response r => DecodeResponse(r, receivedAt),
            W.Event e when e.SubscriptionId is { } sid && SubscriptionId is { } mine && sid != mine =>
                Plain(new VenueInbound { Session = Text(sid), Problem = $"{EventName(e)} of subscription {sid} ignored (this login's is {mine})" }),
            W.ExecutionReport x => BinanceMapper.ToOrderUpdate(x, _login, receivedAt) is { } update
                ? Plain(new VenueInbound { Session = Text(x.SubscriptionId), OrderUpdates = [update] })
                : Plain(new VenueInbound { Session = Text(x.SubscriptionId), Problem = $"executionReport x={x.ExecutionType} X={x.OrderStatus} for order {x.OrderId} ignored" }),
            W.OutboundAccountPosition p => Plain(new VenueInbound
            {
                Session = Text(p.SubscriptionId),
                Events = ImmutableArray<IEngineEvent>.CastUp(BinanceMapper.ToBalanceEvents(p, _login, receivedAt)),
            }),
            W.BalanceUpdate b => Plain(new VenueInbound { Session = Text(b.SubscriptionId) }),
            W.EventStreamTerminated t => new BinanceDecoded(new VenueInbound { Session = Text(t.SubscriptionId) }, BinanceSessionSignal.Resubscribe, BinanceServerFeedback.None),
            W.ServerShutdown => new BinanceDecoded(VenueInbound.Empty, BinanceSessionSignal.Reconnect, BinanceServerFeedback.None),
            W.OtherEvent o => Plain(new VenueInbound { Session = Text(o.SubscriptionId) }),
            W.Unknown u => Plain(new VenueInbound { Problem = $"unreadable Binance frame: {u.Reason}" }),
            _ => Plain(new VenueInbound { Problem = $"unexpected {frame.GetType().Name} from Binance" }),
        };
    }

    /// <inheritdoc />
    public VenueReply MapReply(VenueInbound reply, VenueRequest request) => reply.ReplyPayload is W.Response r
        ? BinanceMapper.ToReply(r, request)
        : new UnreadableReply("the matched frame is not a Binance response");

    private BinanceDecoded DecodeResponse(W.Response r, DateTimeOffset receivedAt)
    {
        var feedback = BinanceMapper.Feedback(r, receivedAt);
        var error = BinanceMapper.ClassifyError(r);
        var events = ImmutableArray.CreateBuilder<IEngineEvent>();
        var signal = BinanceSessionSignal.None;
        if (error?.Kind == BinanceErrorKind.Banned)
        {
            var until = feedback.BannedUntil!.Value;
            events.Add(new ConnectionStateChanged(
                _login, receivedAt, ConnectionState.Stopped, r.Status,
                $"IP banned by Binance until {until:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} ({error.Code}: {error.Message})", IsFatal: true));
        }
        else if (error?.Kind == BinanceErrorKind.SessionRevoked)
        {
            signal = BinanceSessionSignal.SessionRevoked;
            events.Add(new ConnectionStateChanged(
                _login, receivedAt, ConnectionState.Stopped, error.Code, $"Binance revoked the session key ({error.Code}: {error.Message})", IsFatal: true));
        }

        var updates = r.IsSuccess && r.Result is { } result && IsPlacement(result) && BinanceCodec.ReadOrder(result) is { Value: { } placed }
            ? BinanceMapper.ToPlacementUpdates(placed, _login, receivedAt)
            : [];

        var inbound = new VenueInbound
        {
            CorrelationKey = r.Id ?? string.Empty,
            ReplyPayload = r,
            OrderUpdates = updates,
            Events = events.ToImmutable(),
        };
        return new BinanceDecoded(inbound, signal, feedback);
    }

    private void WriteCall(W.Request call, string id, IBufferWriter<byte> output)
    {
        var parameters = call.Params;
        if (BinanceMapper.SignedMethods.Contains(call.Method))
        {
            parameters = Authenticate(parameters, forceSignature: call.Method is W.Methods.SessionLogon or W.Methods.SubscribeSignature);
        }

        BinanceCodec.Encode(call with { Id = id, Params = parameters }, output);
    }

    private ImmutableArray<W.Param> Authenticate(ImmutableArray<W.Param> parameters, bool forceSignature)
    {
        var timed = parameters.AddRange(
            new W.Param("timestamp", BinanceMapper.Millis(ServerNow), W.ParamKind.Number),
            new W.Param("recvWindow", _options.RecvWindow.ToString(CultureInfo.InvariantCulture), W.ParamKind.Number));
        if (IsLoggedOn && !forceSignature)
        {
            return timed;
        }

        var keyed = timed.Insert(0, new W.Param("apiKey", _signer.ApiKey));
        return keyed.Add(new W.Param("signature", _signer.Sign(BinanceSigner.Payload(keyed))));
    }

    private static bool IsPlacement(JsonElement result) =>
        result.ValueKind == JsonValueKind.Object
        && result.TryGetProperty("orderId", out _)
        && result.TryGetProperty("transactTime", out _)
        && !result.TryGetProperty("origClientOrderId", out _);

    private static string MethodOf(VenueRequest request) => request switch
    {
        PlaceOrderVenueRequest or BinancePlaceQuoteOrderRequest => W.Methods.OrderPlace,
        CancelOrdersVenueRequest { VenueOrderIds.Length: 0 } => W.Methods.CancelAll,
        CancelOrdersVenueRequest => W.Methods.OrderCancel,
        OpenOrdersVenueRequest => W.Methods.OpenOrdersStatus,
        BinanceOrderStatusRequest => W.Methods.OrderStatus,
        BalancesVenueRequest => W.Methods.AccountStatus,
        SymbolInfoVenueRequest => W.Methods.ExchangeInfo,
        _ => W.Methods.Ping,
    };

    private static BinanceDecoded Plain(VenueInbound inbound) => new(inbound, BinanceSessionSignal.None, BinanceServerFeedback.None);

    private static string? Text(int? subscriptionId) => subscriptionId?.ToString(CultureInfo.InvariantCulture);

    private static string EventName(W.Event e) => e switch
    {
        W.OtherEvent o => o.EventType,
        _ => e.GetType().Name,
    };
}
