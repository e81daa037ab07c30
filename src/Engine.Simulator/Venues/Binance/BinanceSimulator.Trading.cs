using System.Globalization;
using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Faults;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Binance;

/// <summary><c>order.place</c> (§5.1) on the shared matching engine. Called under the lock.</summary>
public sealed partial class BinanceSimulator
{
    private const string ClientIdPattern = "^[\\.A-Z\\:/a-z0-9_-]{1,36}$";

    private List<Fill>? pendingFills;

    private BinanceOutcome Place(BinanceRequest request)
    {
        var account = Authenticate(request);
        request.OrderAccount = account.Id;
        var symbol = request.RequiredString("symbol");
        var rules = engine.Rules(symbol) ?? throw new BinanceRequestException(400, -1121, "Invalid symbol.");
        var side = request.RequiredString("side");
        if (side is not ("BUY" or "SELL"))
        {
            throw new BinanceRequestException(400, -1117, "Invalid side.");
        }

        var type = request.RequiredString("type");
        var (engineType, timeInForce, price, quantity, quoteQty) = type switch
        {
            "LIMIT" => LimitParams(request),
            "LIMIT_MAKER" => (OrderType.PostOnly, "GTC", Price(request), Quantity(request), 0m),
            "MARKET" => MarketParams(request, rules, side),
            "STOP_LOSS" or "STOP_LOSS_LIMIT" or "TAKE_PROFIT" or "TAKE_PROFIT_LIMIT" => throw BinanceRequestException.OrderRejected("Unsupported order combination"),
            _ => throw new BinanceRequestException(400, -1116, "Invalid orderType."),
        };

        var responseType = request.String("newOrderRespType") ?? (type == "LIMIT_MAKER" ? "ACK" : "FULL");
        if (responseType is not ("ACK" or "RESULT" or "FULL"))
        {
            throw new BinanceRequestException(400, -1100, "Illegal characters found in parameter 'newOrderRespType'; legal range is 'ACK, RESULT, FULL'.");
        }

        var clientId = request.String("newClientOrderId");
        if (clientId is not null && !System.Text.RegularExpressions.Regex.IsMatch(clientId, ClientIdPattern))
        {
            throw new BinanceRequestException(400, -1100, $"Illegal characters found in parameter 'newClientOrderId'; legal range is '{ClientIdPattern}'.");
        }

        clientId ??= NewClientId();
        if (orders.Values.Any(o => o.AccountId == account.Id && o.IsOpen && o.ClientOrderId == clientId))
        {
            throw BinanceRequestException.OrderRejected("Duplicate order sent.");
        }

        CheckFilters(rules, engineType, price, quantity, quoteQty);
        var decision = limiter.ChargeOrder(request.Session.Ip, account.Id, request.Now);
        if (decision.Verdict != RateVerdict.Allowed)
        {
            throw TooManyRequests(request, decision.Until, "orders");
        }

        if (Faults.TryTake(FaultKind.RejectOrders, request.Method) is { } reject)
        {
            throw BinanceRequestException.OrderRejected(reject.Message ?? "Order was rejected by the simulator (injected fault).");
        }

        CheckTimestamp(request);
        var submitted = new OrderRequest { AccountId = account.Id, Symbol = symbol, Side = side == "BUY" ? OrderSide.Buy : OrderSide.Sell, Type = engineType, Price = price, Quantity = quantity, ClientTag = clientId };
        var events = engine.Submit(submitted, market.Quote(symbol), request.Now);
        if (events is [OrderRejected rejected])
        {
            throw Rejection(rejected.Reason);
        }

        var accepted = events.OfType<OrderAccepted>().First().Order;
        var order = new BinanceOrder
        {
            OrderId = long.Parse(accepted.OrderId, CultureInfo.InvariantCulture),
            EngineOrderId = accepted.OrderId,
            AccountId = account.Id,
            Symbol = symbol,
            Side = side,
            Type = type,
            TimeInForce = timeInForce,
            Price = price,
            OrigQty = quantity,
            OrigQuoteOrderQty = quoteQty,
            Time = request.Now,
            UpdateTime = request.Now,
            WorkingTime = request.Now,
            ClientOrderId = clientId,
        };
        orders[order.OrderId] = order;
        ordersByEngineId[order.EngineOrderId] = order;
        pendingFills = [];
        var pushes = Apply(events, request.Now);
        var fills = pendingFills.Where(f => f.OrderId == order.EngineOrderId).ToList();
        pendingFills = null;

        var transact = request.Session.Time(request.Now);
        JsonObject result = responseType switch
        {
            "ACK" => BinanceOrderJson.Ack(order, transact),
            "RESULT" => BinanceOrderJson.Result(order, transact, request.Session.Time),
            _ => BinanceOrderJson.Result(order, transact, request.Session.Time),
        };
        if (responseType == "FULL")
        {
            result["fills"] = new JsonArray([.. fills.Select(f => (JsonNode)BinanceOrderJson.FillEntry(f))]);
        }

        return new BinanceOutcome(result, pushes, []);
    }

    private static (OrderType, string, decimal, decimal, decimal) LimitParams(BinanceRequest request)
    {
        var tif = request.RequiredString("timeInForce");
        var engineType = tif switch
        {
            "GTC" => OrderType.Limit,
            "IOC" => OrderType.Ioc,
            "FOK" => throw BinanceRequestException.OrderRejected("Unsupported order combination"),
            _ => throw new BinanceRequestException(400, -1115, "Invalid timeInForce."),
        };
        return (engineType, tif, Price(request), Quantity(request), 0m);
    }

    private (OrderType, string, decimal, decimal, decimal) MarketParams(BinanceRequest request, SymbolRules rules, string side)
    {
        if (request.Has("timeInForce"))
        {
            throw new BinanceRequestException(400, -1106, "Parameter 'timeInForce' sent when not required.");
        }

        if (request.Has("price"))
        {
            throw new BinanceRequestException(400, -1106, "Parameter 'price' sent when not required.");
        }

        var quantity = request.Decimal("quantity");
        var quote = request.Decimal("quoteOrderQty");
        if (quantity is null && quote is null)
        {
            throw new BinanceRequestException(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
        }

        if (quantity is not null && quote is not null)
        {
            throw new BinanceRequestException(400, -1106, "Parameter 'quoteOrderQty' sent when not required.");
        }

        if (quantity is { } q)
        {
            return (OrderType.Market, "GTC", 0m, q, 0m);
        }

        if (quote <= 0m)
        {
            throw BinanceRequestException.Filter("NOTIONAL");
        }

        return (OrderType.Market, "GTC", 0m, QuantityForQuote(rules, side, quote!.Value), quote!.Value);
    }

    /// <summary>Largest LOT_SIZE multiple whose cost over the synthetic levels does not exceed <paramref name="quote"/>.</summary>
    private decimal QuantityForQuote(SymbolRules rules, string side, decimal quote)
    {
        var book = market.Quote(rules.Symbol);
        var levels = book is null ? [] : side == "BUY" ? book.Asks : book.Bids;
        var left = quote;
        var quantity = 0m;
        foreach (var level in levels)
        {
            var take = Math.Min(level.Quantity, left / level.Price);
            quantity += take;
            left -= take * level.Price;
            if (left <= 0m)
            {
                break;
            }
        }

        return rules.SizeTick > 0m ? Math.Floor(quantity / rules.SizeTick) * rules.SizeTick : quantity;
    }

    private static decimal Price(BinanceRequest request) => request.Decimal("price") ?? throw BinanceRequestException.Mandatory("price");

    private static decimal Quantity(BinanceRequest request) => request.Decimal("quantity") ?? throw BinanceRequestException.Mandatory("quantity");

    /// <summary>PRICE_FILTER, LOT_SIZE and NOTIONAL before the matching engine (-1013).</summary>
    private void CheckFilters(SymbolRules rules, OrderType type, decimal price, decimal quantity, decimal quoteQty)
    {
        if (type != OrderType.Market && (price < rules.PriceTick || price > BinanceSymbols.MaxPrice || price % rules.PriceTick != 0m))
        {
            throw BinanceRequestException.Filter("PRICE_FILTER");
        }

        if (quantity < rules.MinSize || quantity > BinanceSymbols.MaxQty || quantity % rules.SizeTick != 0m)
        {
            throw BinanceRequestException.Filter("LOT_SIZE");
        }

        var reference = type == OrderType.Market ? (quoteQty > 0m ? quoteQty / quantity : market.Mid(rules.Symbol) ?? 0m) : price;
        if (reference * quantity < rules.MinNotional)
        {
            throw BinanceRequestException.Filter("NOTIONAL");
        }
    }

    private static BinanceRequestException Rejection(RejectReason reason) => reason switch
    {
        RejectReason.UnknownSymbol => new BinanceRequestException(400, -1121, "Invalid symbol."),
        RejectReason.InvalidPrice or RejectReason.PriceTick => BinanceRequestException.Filter("PRICE_FILTER"),
        RejectReason.InvalidQuantity or RejectReason.SizeTick or RejectReason.MinSize => BinanceRequestException.Filter("LOT_SIZE"),
        RejectReason.MinNotional => BinanceRequestException.Filter("NOTIONAL"),
        RejectReason.InsufficientBalance or RejectReason.InsufficientMargin => BinanceRequestException.OrderRejected("Account has insufficient balance for requested action."),
        RejectReason.WouldTakeLiquidity => BinanceRequestException.OrderRejected("Order would immediately match and take."),
        RejectReason.NoLiquidity => BinanceRequestException.OrderRejected("Market is closed."),
        _ => BinanceRequestException.OrderRejected("This symbol is not permitted for this account."),
    };

    private string NewClientId() => string.Create(CultureInfo.InvariantCulture, $"sim{nextClientId++:D19}");
}
