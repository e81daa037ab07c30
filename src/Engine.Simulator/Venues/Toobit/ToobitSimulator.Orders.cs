using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.Toobit;

/// <summary>Order entry for spot (§3) and USDT-M futures (§4): parameters, filters and error codes (§6), then the matching engine.</summary>
public sealed partial class ToobitSimulator
{
    private ToobitReply PlaceSpot(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var (order, pushes) = Submit(ParseSpot(request, account!), account!, now);
        return new ToobitReply(ToobitJson.Order(order, "PENDING_NEW"), pushes);
    }

    private ToobitReply PlaceFutures(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        var (order, pushes) = Submit(ParseFutures(request, account!), account!, now);
        return new ToobitReply(ToobitJson.Order(order, "PENDING_NEW"), pushes);
    }

    /// <summary>Spot batch (§3): a JSON array of at most 20 orders of one symbol; each item answers on its own.</summary>
    private ToobitReply BatchSpot(ToobitRequest request, SimAccount? account, DateTimeOffset now)
    {
        JsonArray items;
        try
        {
            items = JsonNode.Parse(request.RawBody) as JsonArray ?? throw ToobitException.Bad(-1130, "Batch body must be a JSON array of orders.");
        }
        catch (JsonException)
        {
            throw ToobitException.Bad(-1130, "Batch body must be a JSON array of orders.");
        }

        if (items.Count is 0 or > 20)
        {
            throw ToobitException.Bad(-1130, "A batch holds 1 to 20 orders.");
        }

        var result = new JsonArray();
        var pushes = new List<ToobitPush>();
        foreach (var item in items)
        {
            try
            {
                var fields = (item as JsonObject ?? throw ToobitException.Bad(-1130, "Each batch item must be an object.")).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
                if (!fields.ContainsKey("newClientOrderId"))
                {
                    throw ToobitException.Missing("newClientOrderId");
                }

                var (order, caused) = Submit(ParseSpot(new FieldSource(fields), account!), account!, now);
                pushes.AddRange(caused);
                result.Add(new JsonObject { ["code"] = "0", ["order"] = ToobitJson.Order(order, "PENDING_NEW") });
            }
            catch (ToobitException e)
            {
                result.Add(new JsonObject { ["code"] = e.Code.ToString(CultureInfo.InvariantCulture), ["msg"] = e.Message });
            }
        }

        return new ToobitReply(new JsonObject { ["code"] = "0", ["result"] = result }, pushes);
    }

    private ToobitOrderTicket ParseSpot(ToobitRequest request, SimAccount account) =>
        ParseSpot(new FieldSource(request.Parameters), account);

    private ToobitOrderTicket ParseSpot(FieldSource f, SimAccount account)
    {
        var rules = SymbolOf(f, futures: false);
        var side = f.Get("side") switch
        {
            "BUY" => OrderSide.Buy,
            "SELL" => OrderSide.Sell,
            null => throw ToobitException.Missing("side"),
            var other => throw ToobitException.Bad(-1117, $"Invalid side '{other}'; expected BUY or SELL."),
        };
        var type = f.Get("type") ?? throw ToobitException.Missing("type");
        if (type is not ("LIMIT" or "MARKET" or "LIMIT_MAKER"))
        {
            throw ToobitException.Bad(-1116, $"Invalid orderType '{type}'; expected LIMIT, MARKET or LIMIT_MAKER.");
        }

        var tif = f.Get("timeInForce") ?? "GTC";
        if (tif is not ("GTC" or "IOC" or "FOK") || (rejectNonGtc && tif != "GTC"))
        {
            throw ToobitException.Bad(-1115, $"Invalid timeInForce '{tif}'; expected {(rejectNonGtc ? "GTC or nothing" : "GTC, IOC or FOK")}.");
        }

        var quantity = f.Decimal("quantity") ?? throw ToobitException.Missing("quantity");
        var clientId = ClientId(f, account);
        if (type == "MARKET")
        {
            var quote = market.Quote(rules.Symbol);
            var baseQty = side == OrderSide.Buy ? BaseForQuote(quote, quantity, rules) : quantity;
            if (side == OrderSide.Buy && quantity < rules.MinNotional)
            {
                throw ToobitException.Bad(-1140, string.Create(CultureInfo.InvariantCulture, $"Order amount {quantity} is below the minimum {rules.MinNotional}."));
            }

            CheckQuantity(rules, baseQty);
            return new ToobitOrderTicket(Request(account, rules, side, OrderType.Market, 0m, baseQty, PositionEffect.Net, clientId), clientId, side == OrderSide.Buy ? "BUY" : "SELL", type, "IOC", "MARKET", 0m, quantity, false, false);
        }

        var price = f.Decimal("price") ?? throw ToobitException.Missing("price");
        CheckPrice(rules, price);
        CheckQuantity(rules, quantity);
        if (price * quantity < rules.MinNotional)
        {
            throw ToobitException.Bad(-1140, string.Create(CultureInfo.InvariantCulture, $"Order amount {price * quantity} is below the minimum {rules.MinNotional}."));
        }

        var engineType = type == "LIMIT_MAKER" ? OrderType.PostOnly : tif == "GTC" ? OrderType.Limit : OrderType.Ioc;
        return new ToobitOrderTicket(Request(account, rules, side, engineType, price, quantity, PositionEffect.Net, clientId), clientId, side == OrderSide.Buy ? "BUY" : "SELL", type, tif, "INPUT", price, quantity, false, tif == "FOK");
    }

    private ToobitOrderTicket ParseFutures(ToobitRequest request, SimAccount account)
    {
        var f = new FieldSource(request.Parameters);
        var rules = SymbolOf(f, futures: true);
        var sideText = f.Get("side") ?? throw ToobitException.Missing("side");
        var (side, effect) = sideText switch
        {
            "BUY_OPEN" => (OrderSide.Buy, PositionEffect.Open),
            "SELL_OPEN" => (OrderSide.Sell, PositionEffect.Open),
            "BUY_CLOSE" => (OrderSide.Buy, PositionEffect.Close),
            "SELL_CLOSE" => (OrderSide.Sell, PositionEffect.Close),
            _ => throw ToobitException.Bad(-1117, $"Invalid side '{sideText}'; expected BUY_OPEN, SELL_OPEN, BUY_CLOSE or SELL_CLOSE."),
        };
        var type = f.Get("type") ?? throw ToobitException.Missing("type");
        if (type != "LIMIT")
        {
            throw ToobitException.Bad(-1116, $"Order type '{type}' is not simulated; expected LIMIT (market orders are LIMIT with priceType=MARKET).");
        }

        var priceType = f.Get("priceType") ?? "INPUT";
        if (priceType is not ("INPUT" or "MARKET"))
        {
            throw ToobitException.Bad(-1014, $"priceType '{priceType}' is not simulated; expected INPUT or MARKET.");
        }

        var tif = f.Get("timeInForce") ?? "GTC";
        if (tif is not ("GTC" or "IOC" or "FOK" or "LIMIT_MAKER"))
        {
            throw ToobitException.Bad(-1115, $"Invalid timeInForce '{tif}'; expected GTC, IOC, FOK or LIMIT_MAKER.");
        }

        var quantity = f.Decimal("quantity") ?? throw ToobitException.Missing("quantity");
        CheckQuantity(rules, quantity);
        var clientId = ClientId(f, account);
        if (priceType == "MARKET")
        {
            var mid = market.Mid(rules.Symbol) ?? 0m;
            var band = side == OrderSide.Buy ? 1.1m : 0.9m;
            var protective = Math.Round(mid * band / rules.PriceTick, MidpointRounding.ToZero) * rules.PriceTick;
            return new ToobitOrderTicket(Request(account, rules, side, OrderType.Ioc, protective, quantity, effect, clientId), clientId, sideText, type, "IOC", priceType, protective, quantity, true, false);
        }

        var price = f.Decimal("price") ?? throw ToobitException.Missing("price");
        CheckPrice(rules, price);
        var engineType = tif switch { "LIMIT_MAKER" => OrderType.PostOnly, "GTC" => OrderType.Limit, _ => OrderType.Ioc };
        return new ToobitOrderTicket(Request(account, rules, side, engineType, price, quantity, effect, clientId), clientId, sideText, type, tif, priceType, price, quantity, true, tif == "FOK");
    }

    private (ToobitOrder Order, List<ToobitPush> Pushes) Submit(ToobitOrderTicket ticket, SimAccount account, DateTimeOffset now)
    {
        var quote = market.Quote(ticket.Request.Symbol);
        if (ticket.FillOrKill && !FullyFillable(ticket.Request, quote))
        {
            throw ToobitException.Bad(-2010, "FOK order cannot be filled completely at its price; nothing was executed.");
        }

        var events = engine.Submit(ticket.Request, quote, now);
        if (events is [OrderRejected rejected])
        {
            throw Refusal(rejected);
        }

        var accepted = events.OfType<OrderAccepted>().First().Order;
        var order = new ToobitOrder
        {
            OrderId = long.Parse(accepted.OrderId, CultureInfo.InvariantCulture),
            AccountId = account.Id,
            ClientOrderId = ticket.ClientOrderId,
            Symbol = ticket.Request.Symbol,
            Futures = ticket.Futures,
            Side = ticket.Side,
            Type = ticket.Type,
            TimeInForce = ticket.TimeInForce,
            PriceType = ticket.PriceType,
            Price = ticket.ReportedPrice,
            OrigQty = ticket.OrigQty,
            Leverage = ticket.Futures ? LeverageOf(account.Id, ticket.Request.Symbol) : 0,
            CreatedAt = now,
            UpdatedAt = now,
            View = accepted,
        };
        orders[order.OrderId] = order;
        return (order, Render(events, now));
    }

    private static ToobitException Refusal(OrderRejected rejected) => rejected.Reason switch
    {
        RejectReason.InsufficientBalance or RejectReason.InsufficientMargin => ToobitException.Bad(-1131, "Balance insufficient: " + rejected.Detail),
        RejectReason.InsufficientPosition => ToobitException.Bad(-3130, "Position insufficient: " + rejected.Detail),
        RejectReason.PriceTick => ToobitException.Bad(-1134, "Price precision too high: " + rejected.Detail),
        RejectReason.SizeTick => ToobitException.Bad(-1137, "Quantity precision too high: " + rejected.Detail),
        RejectReason.MinSize => ToobitException.Bad(-1136, "Quantity too small: " + rejected.Detail),
        RejectReason.MinNotional => ToobitException.Bad(-1140, "Order amount too small: " + rejected.Detail),
        RejectReason.UnknownSymbol => ToobitException.Bad(-1121, "Invalid symbol."),
        _ => ToobitException.Bad(-2010, "New order rejected: " + rejected.Detail),
    };

    private SymbolRules SymbolOf(FieldSource f, bool futures)
    {
        var symbol = f.Get("symbol") ?? throw ToobitException.Missing("symbol");
        var rules = engine.Rules(symbol);
        return rules is not null && rules.IsFutures == futures ? rules : throw ToobitException.Bad(-1121, $"Invalid symbol '{symbol}' for {(futures ? "futures" : "spot")}.");
    }

    private string ClientId(FieldSource f, SimAccount account)
    {
        var clientId = f.Get("newClientOrderId") ?? "sim" + (nextClientId++).ToString(CultureInfo.InvariantCulture);
        if (orders.Values.Any(o => o.AccountId == account.Id && o.IsOpen && o.ClientOrderId == clientId))
        {
            throw ToobitException.Bad(-1141, $"Duplicate clientOrderId '{clientId}' among open orders.");
        }

        return clientId;
    }

    private static void CheckPrice(SymbolRules rules, decimal price)
    {
        var c = CultureInfo.InvariantCulture;
        if (price > ToobitSymbols.MaxPrice)
        {
            throw ToobitException.Bad(-1132, string.Create(c, $"Order price {price} is above the maximum {ToobitSymbols.MaxPrice}."));
        }

        if (price < rules.PriceTick)
        {
            throw ToobitException.Bad(-1133, string.Create(c, $"Order price {price} is below the minimum {rules.PriceTick}."));
        }

        if (price % rules.PriceTick != 0m)
        {
            throw ToobitException.Bad(-1134, string.Create(c, $"Order price {price} is not a multiple of the tick size {rules.PriceTick}."));
        }
    }

    private static void CheckQuantity(SymbolRules rules, decimal quantity)
    {
        var c = CultureInfo.InvariantCulture;
        if (quantity > ToobitSymbols.MaxQty)
        {
            throw ToobitException.Bad(-1135, string.Create(c, $"Order quantity {quantity} is above the maximum {ToobitSymbols.MaxQty}."));
        }

        if (quantity < rules.MinSize)
        {
            throw ToobitException.Bad(-1136, string.Create(c, $"Order quantity {quantity} is below the minimum {rules.MinSize}."));
        }

        if (quantity % rules.SizeTick != 0m)
        {
            throw ToobitException.Bad(-1137, string.Create(c, $"Order quantity {quantity} is not a multiple of the step size {rules.SizeTick}."));
        }
    }

    /// <summary>Base quantity a quote <paramref name="amount"/> buys from the synthetic asks, rounded down to the step.</summary>
    private static decimal BaseForQuote(MarketQuote? quote, decimal amount, SymbolRules rules)
    {
        var left = amount;
        var bought = 0m;
        foreach (var level in quote?.Asks ?? [])
        {
            var take = Math.Min(level.Quantity, left / level.Price);
            bought += take;
            left -= take * level.Price;
            if (left <= 0m)
            {
                break;
            }
        }

        return Math.Floor(bought / rules.SizeTick) * rules.SizeTick;
    }

    private static bool FullyFillable(OrderRequest request, MarketQuote? quote)
    {
        var levels = quote is null ? [] : request.Side == OrderSide.Buy ? quote.Asks : quote.Bids;
        var available = levels.Where(l => request.Side == OrderSide.Buy ? l.Price <= request.Price : l.Price >= request.Price).Sum(l => l.Quantity);
        return available >= request.Quantity;
    }

    private static OrderRequest Request(SimAccount account, SymbolRules rules, OrderSide side, OrderType type, decimal price, decimal quantity, PositionEffect effect, string clientId) => new()
    {
        AccountId = account.Id,
        Symbol = rules.Symbol,
        Side = side,
        Type = type,
        Price = price,
        Quantity = quantity,
        Effect = effect,
        ClientTag = clientId,
    };

    /// <summary>Parameters of one order, from the request or from a batch item.</summary>
    private sealed class FieldSource(IReadOnlyDictionary<string, string> fields)
    {
        public string? Get(string name) => fields.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

        public decimal? Decimal(string name) =>
            Get(name) is { } text
                ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : throw ToobitException.Invalid(name, text)
                : null;
    }
}
