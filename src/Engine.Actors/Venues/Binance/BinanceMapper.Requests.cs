using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceMapper
{
    /// <summary>Methods whose security type is SIGNED (TRADE, USER_DATA, USER_STREAM with signature).</summary>
    public static readonly ImmutableHashSet<string> SignedMethods =
    [
        W.Methods.SessionLogon, W.Methods.SubscribeSignature, W.Methods.OrderPlace, W.Methods.OrderCancel,
        W.Methods.CancelAll, W.Methods.OrderStatus, W.Methods.OpenOrdersStatus, W.Methods.AccountStatus,
    ];

    /// <summary>
    /// The business params of <c>order.place</c> for <paramref name="order"/> (no id and no auth yet):
    /// LIMIT with timeInForce, price and quantity; LIMIT_MAKER with price and quantity (GTC only); MARKET with
    /// <c>quantity</c>, or <c>quoteOrderQty</c> when <paramref name="quoteQuantity"/> is given. Always
    /// <c>newClientOrderId</c> = the engine's client order id and <c>newOrderRespType</c> FULL. An error names
    /// what is wrong when Binance would refuse the combination.
    /// </summary>
    public static Mapped<W.Request> ToOrderPlace(SubmitOrder order, decimal? quoteQuantity = null)
    {
        var cid = order.ClientOrderId.Value;
        if (string.IsNullOrEmpty(cid) || !IsValidClientOrderId(cid))
        {
            return new(null, $"client order id '{cid}' must match [a-zA-Z0-9-_]{{1,36}} on Binance");
        }

        var p = ImmutableArray.CreateBuilder<W.Param>();
        p.Add(new("symbol", order.Symbol.Value));
        p.Add(new("side", ToWireSide(order.Side)));
        p.Add(new("type", ToWireType(order.Type)));
        switch (order.Type)
        {
            case OrderType.Limit or OrderType.LimitMaker when order.Price is not > 0m:
                return new(null, $"a {ToWireType(order.Type)} order needs a positive price");
            case OrderType.LimitMaker when order.TimeInForce != TimeInForce.Gtc:
                return new(null, $"a LIMIT_MAKER order takes no time in force, but {ToWireTimeInForce(order.TimeInForce)} was given");
            case OrderType.Limit:
                p.Add(new("timeInForce", ToWireTimeInForce(order.TimeInForce)));
                p.Add(new("price", BinanceCodec.FormatDecimal(order.Price!.Value)));
                break;
            case OrderType.LimitMaker:
                p.Add(new("price", BinanceCodec.FormatDecimal(order.Price!.Value)));
                break;
            case OrderType.Market when order.Price is { } price && price != 0m:
                return new(null, "a MARKET order carries no price");
        }

        if (quoteQuantity is { } quote)
        {
            if (order.Type != OrderType.Market || quote <= 0m)
            {
                return new(null, "quoteOrderQty needs a MARKET order and a positive quote quantity");
            }

            p.Add(new("quoteOrderQty", BinanceCodec.FormatDecimal(quote)));
        }
        else
        {
            if (order.Quantity <= 0m)
            {
                return new(null, $"quantity {BinanceCodec.FormatDecimal(order.Quantity)} must be positive");
            }

            p.Add(new("quantity", BinanceCodec.FormatDecimal(order.Quantity)));
        }

        p.Add(new("newClientOrderId", cid));
        p.Add(new("newOrderRespType", "FULL"));
        return Call(W.Methods.OrderPlace, p.ToImmutable());
    }

    /// <summary><c>order.cancel</c> by venue order id (the fastest path); the id must be Binance's integer order id.</summary>
    public static Mapped<W.Request> ToOrderCancel(Symbol symbol, VenueOrderId venueOrderId) =>
        OrderIdParam(venueOrderId) is { } id
            ? Call(W.Methods.OrderCancel, [new("symbol", symbol.Value), id])
            : new(null, $"venue order id '{venueOrderId}' is not a Binance order id (an integer)");

    /// <summary><c>order.cancel</c> by the engine's client order id (<c>origClientOrderId</c>), when no venue id is known yet.</summary>
    public static Mapped<W.Request> ToOrderCancel(Symbol symbol, ClientOrderId clientOrderId) =>
        Call(W.Methods.OrderCancel, [new("symbol", symbol.Value), new("origClientOrderId", clientOrderId.Value)]);

    /// <summary><c>openOrders.cancelAll</c> for one symbol.</summary>
    public static Mapped<W.Request> ToCancelAll(Symbol symbol) => Call(W.Methods.CancelAll, [new("symbol", symbol.Value)]);

    /// <summary><c>order.status</c> by client order id (preferred for recovery) or venue order id.</summary>
    public static Mapped<W.Request> ToOrderStatus(Symbol symbol, ClientOrderId? clientOrderId, VenueOrderId? venueOrderId)
    {
        if (clientOrderId is { IsEmpty: false } cid)
        {
            return Call(W.Methods.OrderStatus, [new("symbol", symbol.Value), new("origClientOrderId", cid.Value)]);
        }

        return venueOrderId is { } vid && OrderIdParam(vid) is { } id
            ? Call(W.Methods.OrderStatus, [new("symbol", symbol.Value), id])
            : new(null, "order.status needs a client order id or an integer venue order id");
    }

    /// <summary><c>openOrders.status</c> for one symbol (weight 6), or every symbol when null (weight 80).</summary>
    public static Mapped<W.Request> ToOpenOrders(Symbol? symbol) =>
        Call(W.Methods.OpenOrdersStatus, symbol is { } s ? [new("symbol", s.Value)] : []);

    /// <summary><c>account.status</c>, zero balances included (reconciliation must see a balance that went to zero).</summary>
    public static Mapped<W.Request> ToAccountStatus() => Call(W.Methods.AccountStatus, []);

    /// <summary><c>exchangeInfo</c> for one symbol, several (<c>symbols</c> as a JSON array) or all.</summary>
    public static W.Request ToExchangeInfo(IReadOnlyList<string> symbols) => symbols.Count switch
    {
        0 => new(string.Empty, W.Methods.ExchangeInfo, []),
        1 => new(string.Empty, W.Methods.ExchangeInfo, [new("symbol", symbols[0])]),
        _ => new(string.Empty, W.Methods.ExchangeInfo, [new("symbols", $"[{string.Join(",", symbols.Select(s => $"\"{JsonEncodedText.Encode(s, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\""))}]", W.ParamKind.Json)]),
    };

    private static W.Param? OrderIdParam(VenueOrderId venueOrderId) =>
        long.TryParse(venueOrderId.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new W.Param("orderId", id.ToString(CultureInfo.InvariantCulture), W.ParamKind.Number)
            : null;

    private static Mapped<W.Request> Call(string method, ImmutableArray<W.Param> parameters) =>
        new(new W.Request(string.Empty, method, parameters), null);
}
