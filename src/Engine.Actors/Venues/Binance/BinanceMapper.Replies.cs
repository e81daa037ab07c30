using System.Globalization;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceMapper
{
    /// <summary>
    /// The venue-neutral answer of <paramref name="response"/> to <paramref name="request"/>. Failures: Unknown
    /// kinds (5xx, -1007) → <see cref="UnreadableReply"/> (outcome unknown, never a rejection); a refused single
    /// cancel → a failed <see cref="CancelResult"/>; cancel-all with nothing open (-2011) → no results; -2013 on
    /// <c>order.status</c> → a missing order; every other failure → <see cref="RequestRefusedReply"/> with the
    /// code and the venue's message. A success whose result cannot be read is unreadable (outcome unknown).
    /// </summary>
    public static VenueReply ToReply(W.Response response, VenueRequest request)
    {
        if (ClassifyError(response) is { } error)
        {
            return (error.Kind, request) switch
            {
                (BinanceErrorKind.Unknown or BinanceErrorKind.SessionRevoked, _) => new UnreadableReply(error.Reason),
                (BinanceErrorKind.Rejected, CancelOrdersVenueRequest { VenueOrderIds: [var vid] }) =>
                    new CancelResultsReply([new CancelResult(vid, false, error.Reason)], []),
                (BinanceErrorKind.Rejected, CancelOrdersVenueRequest { VenueOrderIds.Length: 0 }) when error.Code == CancelRejectedCode =>
                    new CancelResultsReply([], []),
                (BinanceErrorKind.NotFound, BinanceOrderStatusRequest) => new BinanceOrderStatusReply(null, error.Reason),
                _ => new RequestRefusedReply(error.Reason),
            };
        }

        if (response.Result is not { } result)
        {
            return new UnreadableReply($"Binance answered {response.Status} without a result");
        }

        return request switch
        {
            PlaceOrderVenueRequest or BinancePlaceQuoteOrderRequest => BinanceCodec.ReadOrder(result) is { Value: { } placed }
                ? new OrderPlacedReply(VenueId(placed.OrderId))
                : new UnreadableReply("order.place succeeded without a readable orderId"),
            CancelOrdersVenueRequest { VenueOrderIds.Length: 0 } => BinanceCodec.ReadOrders(result) is { Value: { } canceled }
                ? new CancelResultsReply([.. canceled.Select(o => new CancelResult(VenueId(o.OrderId), true, string.Empty))], [])
                : new UnreadableReply("openOrders.cancelAll succeeded without a readable order list"),
            CancelOrdersVenueRequest => BinanceCodec.ReadOrder(result) is { Value: { } canceled }
                ? new CancelResultsReply([new CancelResult(VenueId(canceled.OrderId), true, string.Empty)], [])
                : new UnreadableReply("order.cancel succeeded without a readable order"),
            OpenOrdersVenueRequest open => BinanceCodec.ReadOrders(result) is { Value: { } orders }
                ? new OpenOrdersListedReply(open.Symbol, [.. orders.Select(ToOpenOrder).OfType<OpenOrder>()])
                : new UnreadableReply("openOrders.status succeeded without a readable order list"),
            BinanceOrderStatusRequest => BinanceCodec.ReadOrder(result) is { Value: { } order } && ToOpenOrder(order) is { } known
                ? new BinanceOrderStatusReply(known, null)
                : new UnreadableReply("order.status succeeded without a readable order"),
            BalancesVenueRequest => BinanceCodec.ReadAccount(result) is { Value: { } account }
                ? new BalancesListedReply(ToBalances(account))
                : new UnreadableReply("account.status succeeded without readable balances"),
            SymbolInfoVenueRequest info => ToRulesReply(result, info.Symbol),
            _ => new UnreadableReply($"no mapping of a Binance response to {request.GetType().Name}"),
        };
    }

    /// <summary>
    /// An order as listed by <c>order.status</c> or <c>openOrders.status</c>; null when its side or type is one the
    /// engine does not trade. A zero price (MARKET) is no price; an unknown status is Accepted (it is listed).
    /// </summary>
    public static OpenOrder? ToOpenOrder(W.OrderResult o)
    {
        if (ToSide(o.Side) is not { } side || ToOrderType(o.Type) is not { } type)
        {
            return null;
        }

        var quantity = o.OrigQty ?? 0m;
        var remaining = Math.Max(0m, quantity - (o.ExecutedQty ?? 0m));
        var created = o.Time ?? o.TransactTime;
        return new OpenOrder(
            VenueId(o.OrderId),
            string.IsNullOrWhiteSpace(o.ClientOrderId) ? null : new ClientOrderId(o.ClientOrderId),
            side,
            type,
            ToTimeInForce(o.TimeInForce),
            o.Price is > 0m ? o.Price : null,
            quantity,
            remaining,
            ToStatus(o.Status) ?? OrderStatus.Accepted,
            created is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(created.Value) : null,
            o.UpdateTime is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(o.UpdateTime.Value) : null);
    }

    private static VenueReply ToRulesReply(System.Text.Json.JsonElement result, Symbol symbol)
    {
        if (BinanceCodec.ReadExchangeInfo(result) is not { Value: { } info })
        {
            return new UnreadableReply("exchangeInfo succeeded without readable symbols");
        }

        return info.Symbols.FirstOrDefault(s => s.Symbol == symbol.Value) is { } found
            ? new SymbolRulesListedReply(ToSymbolRules(found))
            : new RequestRefusedReply($"exchangeInfo does not list the symbol {symbol}");
    }

    private static VenueOrderId VenueId(long orderId) => new(orderId.ToString(CultureInfo.InvariantCulture));
}
