using System.Collections.Immutable;
using System.Globalization;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Venues.Toobit;

public static partial class ToobitMapper
{
    /// <summary>The REST call of <paramref name="request"/>, or why Toobit cannot take it (nothing is sent then).</summary>
    public static Mapped<ToobitCall> ToCall(VenueRequest request) => request switch
    {
        PlaceOrderVenueRequest p => ToPlace(p.Order),
        PlaceOrdersVenueRequest b => ToBatch(b.Orders),
        CancelOrdersVenueRequest c => ToCancel(c.Symbol, c.VenueOrderIds),
        OpenOrdersVenueRequest o => Ok("GET", Futures(o.Symbol) ? ToobitPaths.FuturesOpenOrders : ToobitPaths.SpotOpenOrders, null, [P("symbol", o.Symbol.Value)]),
        ToobitOrderStatusRequest s => ToStatusQuery(s),
        BalancesVenueRequest => Ok("GET", ToobitPaths.Account, null, []),
        PositionVenueRequest p when Futures(p.Symbol) => Ok("GET", ToobitPaths.FuturesPositions, null, [P("symbol", p.Symbol.Value)]),
        PositionVenueRequest p => new(null, $"{p.Symbol} is a spot symbol: Toobit has positions only for futures such as BTC-SWAP-USDT"),
        SymbolInfoVenueRequest => new(new ToobitCall("GET", ToobitPaths.ExchangeInfo, ToobitPaths.ExchangeInfo, [], IsSigned: false), null),
        _ => new(null, $"Toobit cannot send {request.GetType().Name}"),
    };

    /// <summary>
    /// A new order (§3, §4). Spot: LIMIT (timeInForce GTC/IOC/FOK), LIMIT_MAKER, MARKET SELL; a MARKET BUY is refused because
    /// Toobit reads its quantity as a quote amount while the engine's quantities are base units. Futures: the side from
    /// side + offset (BUY_OPEN …; an order without an offset is refused), whole contracts, market as LIMIT + priceType
    /// MARKET without price, post-only as timeInForce LIMIT_MAKER. Every order carries its client order id.
    /// </summary>
    public static Mapped<ToobitCall> ToPlace(SubmitOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var cid = order.ClientOrderId.Value;
        if (Futures(order.Symbol))
        {
            if (ToFuturesSide(order.Side, order.Offset) is not { } side)
            {
                return new(null, $"a futures order on {order.Symbol} needs an offset (Open or Close) to choose BUY_OPEN, SELL_OPEN, BUY_CLOSE or SELL_CLOSE");
            }

            if (order.Quantity % 1m != 0m)
            {
                return new(null, $"quantity {Text(order.Quantity)} on {order.Symbol} must be whole contracts");
            }

            var parameters = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            parameters.AddRange(P("symbol", order.Symbol.Value), P("side", side), P("type", "LIMIT"), P("quantity", Text(order.Quantity)));
            if (order.Type == OrderType.Market)
            {
                parameters.AddRange(P("priceType", "MARKET"));
            }
            else
            {
                parameters.AddRange(P("price", Text(order.Price ?? 0m)), P("priceType", "INPUT"), P("timeInForce", order.Type == OrderType.LimitMaker ? "LIMIT_MAKER" : Wire(order.TimeInForce)));
            }

            parameters.Add(P("newClientOrderId", cid));
            return Ok("POST", ToobitPaths.FuturesOrder, null, parameters.ToImmutable());
        }

        if (order.Offset != OffsetFlag.None)
        {
            return new(null, $"{order.Symbol} is a spot symbol: an offset ({order.Offset}) applies only to futures such as BTC-SWAP-USDT");
        }

        var wireSide = order.Side == OrderSide.Buy ? "BUY" : "SELL";
        return order.Type switch
        {
            OrderType.Market when order.Side == OrderSide.Buy => new(null, $"Toobit spot MARKET BUY takes a quote amount, not the base quantity {Text(order.Quantity)} of {order.Symbol}: send a LIMIT order with time in force IOC at a marketable price instead"),
            OrderType.Market => Ok("POST", ToobitPaths.SpotOrder, null, [P("symbol", order.Symbol.Value), P("side", wireSide), P("type", "MARKET"), P("quantity", Text(order.Quantity)), P("newClientOrderId", cid)]),
            OrderType.LimitMaker => Ok("POST", ToobitPaths.SpotOrder, null, [P("symbol", order.Symbol.Value), P("side", wireSide), P("type", "LIMIT_MAKER"), P("quantity", Text(order.Quantity)), P("price", Text(order.Price ?? 0m)), P("newClientOrderId", cid)]),
            _ => Ok("POST", ToobitPaths.SpotOrder, null, [P("symbol", order.Symbol.Value), P("side", wireSide), P("type", "LIMIT"), P("timeInForce", Wire(order.TimeInForce)), P("quantity", Text(order.Quantity)), P("price", Text(order.Price ?? 0m)), P("newClientOrderId", cid)]),
        };
    }

    /// <summary>
    /// Spot batch orders (§3: <c>POST /api/v1/spot/batchOrders</c>): 1 to 20 orders of one spot symbol, each as
    /// <see cref="ToPlace"/> would send it, as a JSON array body (parameter values as strings); the query carries
    /// <c>recvWindow</c>, <c>timestamp</c> and the signature. Futures batches are refused (the simulator has none to
    /// verify them against).
    /// </summary>
    public static Mapped<ToobitCall> ToBatch(ImmutableArray<SubmitOrder> orders)
    {
        if (orders.IsDefaultOrEmpty || orders.Length > 20)
        {
            return new(null, $"a Toobit batch holds 1 to 20 orders, not {(orders.IsDefault ? 0 : orders.Length)}");
        }

        if (orders.Select(o => o.Symbol).Distinct().Count() != 1 || Futures(orders[0].Symbol))
        {
            return new(null, $"a Toobit batch holds orders of one spot symbol, not {string.Join(", ", orders.Select(o => o.Symbol).Distinct())}");
        }

        var items = new System.Text.Json.Nodes.JsonArray();
        foreach (var order in orders)
        {
            var single = ToPlace(order);
            if (single.Value is not { } call)
            {
                return new(null, $"order {order.ClientOrderId}: {single.Error}");
            }

            var item = new System.Text.Json.Nodes.JsonObject();
            foreach (var (name, value) in call.Parameters)
            {
                item[name] = value;
            }

            items.Add(item);
        }

        return new(new ToobitCall("POST", ToobitPaths.SpotBatchOrders, ToobitPaths.SpotBatchOrders, [], JsonBody: items.ToJsonString()), null);
    }

    /// <summary>Cancels (§3, §4): none listed → cancel-all of the symbol; one → by <c>orderId</c>; several → cancel-by-ids.</summary>
    public static Mapped<ToobitCall> ToCancel(Symbol symbol, ImmutableArray<VenueOrderId> ids)
    {
        var futures = Futures(symbol);
        return ids switch
        {
            { Length: 0 } => futures
                ? Ok("DELETE", ToobitPaths.FuturesCancelAll, null, [P("symbol", symbol.Value)])
                : Ok("DELETE", ToobitPaths.SpotOpenOrders, ToobitPaths.SpotCancelAll, [P("symbol", symbol.Value)]),
            [var one] => Ok("DELETE", futures ? ToobitPaths.FuturesOrder : ToobitPaths.SpotOrder, null, [P("orderId", one.Value), P("symbol", symbol.Value)]),
            _ => Ok("DELETE", futures ? ToobitPaths.FuturesCancelByIds : ToobitPaths.SpotCancelByIds, null, [P("ids", string.Join(',', ids.Select(i => i.Value))), P("symbol", symbol.Value)]),
        };
    }

    /// <summary>The status query: <c>origClientOrderId</c> (the documented name for spot query and futures, §10.9), else <c>orderId</c>.</summary>
    public static Mapped<ToobitCall> ToStatusQuery(ToobitOrderStatusRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = Futures(request.Symbol) ? ToobitPaths.FuturesOrder : ToobitPaths.SpotOrder;
        return request switch
        {
            { ClientOrderId: { } cid } => Ok("GET", path, null, [P("origClientOrderId", cid.Value)]),
            { VenueOrderId: { } vid } => Ok("GET", path, null, [P("orderId", vid.Value)]),
            _ => new(null, "an order status query needs a client order id or a venue order id"),
        };
    }

    /// <summary>The leverage of a futures symbol.</summary>
    public static ToobitCall ToLeverage(string symbol, int leverage) =>
        new("POST", ToobitPaths.FuturesLeverage, ToobitPaths.FuturesLeverage, [P("symbol", symbol), P("leverage", leverage.ToString(CultureInfo.InvariantCulture))]);

    private static bool Futures(Symbol symbol) => ToobitPaths.IsFutures(symbol.Value);

    private static string Wire(TimeInForce tif) => tif switch
    {
        TimeInForce.Ioc => "IOC",
        TimeInForce.Fok => "FOK",
        _ => "GTC",
    };

    private static Mapped<ToobitCall> Ok(string method, string path, string? weightKey, ImmutableArray<KeyValuePair<string, string>> parameters) =>
        new(new ToobitCall(method, path, weightKey ?? path, parameters), null);

    private static KeyValuePair<string, string> P(string name, string value) => new(name, value);
}
