using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using Engine.Messages;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

/// <summary>
/// The quant gateway behind the <see cref="IVenueCodec"/> seam, for one login. Holds the login's current
/// <see cref="Token"/>, set by the connection after a successful login reply and cleared on logout or
/// disconnect; requests are refused while there is none. <see cref="Decode"/> does not filter by token:
/// pushes and states carry <see cref="VenueInbound.Session"/>, and the connection drops or routes frames of
/// other tokens and buffers states of tokens not yet known (<see cref="QuantGatewayStateBuffer"/>).
/// Everything else is pure. Not thread-safe: owned by the login's connection actor.
/// </summary>
public sealed class QuantGatewayVenue : IVenueCodec
{
    private static readonly VenueId Id = new("quant-gateway");

    private readonly LoginId _login;
    private readonly QuantGatewayOptions _options;

    /// <summary>Creates the codec of <paramref name="login"/>; the options must be valid.</summary>
    public QuantGatewayVenue(LoginId login, QuantGatewayOptions options)
    {
        _login = login;
        _options = options;
    }

    /// <inheritdoc />
    public VenueId Venue => Id;

    /// <summary>The token of the current login; null before the login reply and after a disconnect.</summary>
    public string? Token { get; set; }

    /// <inheritdoc />
    public Mapped<string> Encode(VenueRequest request, string correlationKey, IBufferWriter<byte> output)
    {
        if (Token is not { Length: > 0 } token)
        {
            return new(null, "not logged in: the quant gateway login has no token yet");
        }

        Mapped<W.Request> wire = request switch
        {
            PlaceOrderVenueRequest p => Widen(QuantGatewayMapper.ToPlaceOrder(p.Order, _options, token, correlationKey)),
            CancelOrdersVenueRequest c => Widen(QuantGatewayMapper.ToCancelOrder(c.Symbol, c.VenueOrderIds, _options, token, correlationKey)),
            OpenOrdersVenueRequest o => new(new W.OpenOrdersRequest(token, o.Symbol.ToString()) { Cid = correlationKey }, null),
            BalancesVenueRequest => new(new W.AssetRequest(token) { Cid = correlationKey }, null),
            PositionVenueRequest when !_options.HasPositions =>
                new(null, $"position is not sent on {_options.Platform}: the gateway never answers it on spot"),
            PositionVenueRequest p => new(new W.PositionRequest(token, p.Symbol.ToString()) { Cid = correlationKey }, null),
            SymbolInfoVenueRequest s => new(new W.SymbolInfoRequest(token, s.Symbol.ToString()) { Cid = correlationKey }, null),
            _ => new(null, $"the quant gateway cannot send {request.GetType().Name}"),
        };

        if (wire.Value is not { } frame)
        {
            return new(null, wire.Error);
        }

        QuantGatewayCodec.Encode(frame, output);
        return new(OpName(frame), null);
    }

    /// <inheritdoc />
    public int WeightOf(VenueRequest request) => 1;

    /// <inheritdoc />
    public VenueInbound Decode(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        var frame = QuantGatewayCodec.Decode(utf8, receivedAt);
        switch (frame)
        {
            case W.Reply r:
                return new VenueInbound { CorrelationKey = r.Cid ?? string.Empty, ReplyPayload = r };
            case W.Pong:
                return new VenueInbound { IsHeartbeat = true };
            case W.State s:
                return new VenueInbound { Session = s.Token, Events = [QuantGatewayMapper.ToConnectionState(s, _login, receivedAt)] };
            case W.OrderNotification n:
                return QuantGatewayMapper.ToOrderUpdate(n, _login, receivedAt) is { } order
                    ? new VenueInbound { Session = n.Token, OrderUpdates = [order] }
                    : new VenueInbound { Session = n.Token, Problem = $"order notification for {n.Data.OrderNo} with status '{n.Data.Status}' ignored" };
            case W.FillNotification f:
                return QuantGatewayMapper.ToFillUpdate(f, _login, receivedAt) is { } fill
                    ? new VenueInbound { Session = f.Token, OrderUpdates = [fill] }
                    : new VenueInbound { Session = f.Token, Problem = "fill notification without order_no or fill_no ignored" };
            case W.PositionNotification p when p.Data.Symbol is { Length: > 0 } symbol:
                var position = QuantGatewayMapper.ToPosition(p.Data, new Symbol(symbol));
                IEngineEvent changed = new PositionChanged(_login, QuantGatewayMapper.FromMillis(p.Data.Utime, receivedAt), position);
                return new VenueInbound { Session = p.Token, Events = [changed] };
            case W.PositionNotification p:
                return new VenueInbound { Session = p.Token, Problem = "position notification without a symbol ignored" };
            case W.AssetNotification a:
                return new VenueInbound
                {
                    Session = a.Token,
                    Events = ImmutableArray<IEngineEvent>.CastUp(
                        QuantGatewayMapper.ToBalanceEvents(a.Data, _login, receivedAt, _options.AssetNotificationsFreeOnly, isReconciliation: false)),
                };
            case W.Error e:
                return new VenueInbound { Problem = $"unattributable gateway error: {e.ErrorMessage}" };
            case W.Unknown u:
                return new VenueInbound { Problem = $"unreadable frame{(u.Op is null ? string.Empty : $" (op {u.Op})")}: {u.Reason}" };
            default:
                return new VenueInbound { Problem = $"unexpected {frame.GetType().Name} from the gateway" };
        }
    }

    /// <inheritdoc />
    public VenueReply MapReply(VenueInbound reply, VenueRequest request) => reply.ReplyPayload is W.Reply r
        ? QuantGatewayMapper.ToReply(r, request, _options)
        : new UnreadableReply("the matched frame is not a quant gateway reply");

    /// <summary>Writes the <c>login</c> frame for this login's account (the secret goes only to the wire).</summary>
    public void EncodeLogin(string cid, IBufferWriter<byte> output) =>
        QuantGatewayCodec.Encode(new W.LoginRequest(_options.Platform, _options.Symbols, _options.AccessKey, _options.SecretKey) { Cid = cid }, output);

    /// <summary>Writes the <c>logout</c> frame for the current token; nothing when there is none.</summary>
    public void EncodeLogout(string cid, IBufferWriter<byte> output)
    {
        if (Token is { Length: > 0 } token)
        {
            QuantGatewayCodec.Encode(new W.LogoutRequest(token) { Cid = cid }, output);
        }
    }

    /// <summary>Writes <c>{"op":"ping","ts":&lt;ms&gt;}</c>; a ping without <c>ts</c> would not keep the socket alive.</summary>
    public static void EncodePing(DateTimeOffset now, IBufferWriter<byte> output) =>
        QuantGatewayCodec.Encode(new W.PingRequest(now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)), output);

    private static Mapped<W.Request> Widen<T>(Mapped<T> mapped)
        where T : W.Request => new(mapped.Value, mapped.Error);

    private static string OpName(W.Request frame) => frame switch
    {
        W.PlaceOrderRequest => W.Ops.PlaceOrder,
        W.CancelOrderRequest => W.Ops.CancelOrder,
        W.OpenOrdersRequest => W.Ops.OpenOrders,
        W.AssetRequest => W.Ops.Asset,
        W.PositionRequest => W.Ops.Position,
        W.SymbolInfoRequest => W.Ops.SymbolInfo,
        W.LoginRequest => W.Ops.Login,
        _ => W.Ops.Logout,
    };
}
