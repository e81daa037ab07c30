using System.Globalization;
using System.Text.Json;
using Engine.Simulator.Faults;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Token ops: common checks (§2.3, §2.4), place_order (§3.5, §6.7) and cancel_order (§3.6).</summary>
public sealed partial class QuantGatewaySimulator
{
    /// <summary>The fields each token op reads, in the order the real server reads them (the first missing one is the error).</summary>
    private static readonly string[] PlaceOrderFields = ["symbol", "action", "price", "quantity", "order_type"];
    private static readonly string[] CancelOrderFields = ["symbol", "order_nos"];
    private static readonly string[] SymbolField = ["symbol"];

    private void TokenOp(QuantSession session, JsonElement root, string op, JsonElement? cid)
    {
        var login = FindLogin(session, Required(root, "token"));
        if (login is null)
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "Invalid token"));
            return;
        }

        var fields = op switch
        {
            "place_order" => PlaceOrderFields,
            "cancel_order" => CancelOrderFields,
            "asset" => [],
            _ => SymbolField,
        };
        var values = new JsonElement[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            values[i] = Required(root, fields[i]);
        }

        if (login.Fatal || login.Account is null)
        {
            return;
        }

        var cached = op is "symbol_info" || (op == "position" && login.IsFutures);
        if (!login.Ready && (cached || !quirks.ExecuteBeforeReady))
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "Symbol not exist"));
            return;
        }

        var symbol = values.Length > 0 ? Text(values[0]) : string.Empty;
        if (values.Length > 0 && !QuantPlatforms.Lists(login.Platform, symbol))
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, login.IsFutures ? "Symbol not exist" : "symbol not found"));
            return;
        }

        switch (op)
        {
            case "place_order":
                PlaceOrder(session, login, cid, symbol, values);
                break;
            case "cancel_order":
                CancelOrder(session, login, cid, symbol, values[1]);
                break;
            default:
                Query(session, login, op, cid, symbol);
                break;
        }
    }

    private void PlaceOrder(QuantSession session, QuantLogin login, JsonElement? cid, string symbol, JsonElement[] values)
    {
        const string op = "place_order";
        var action = Text(values[1]);
        var orderType = Text(values[4]);
        if (action is not ("BUY" or "SELL"))
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "action error"));
            return;
        }

        if (orderType is not ("LIMIT" or "MARKET" or "IOC"))
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "order type error"));
            return;
        }

        var price = Number(values[2]);
        var quantity = Number(values[3]);
        if (login.IsFutures && quantity is null)
        {
            return;
        }

        if (price is null || quantity is null)
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "{'status': 'error', 'err-code': 'invalid-parameter', 'err-msg': 'invalid price or amount', 'data': None}"));
            return;
        }

        var side = action == "BUY" ? OrderSide.Buy : OrderSide.Sell;
        var effect = PositionEffect.Net;
        var size = quantity.Value;
        if (login.IsFutures)
        {
            size = Math.Truncate(quantity.Value);
            if (size == 0m)
            {
                Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "quantity error"));
                return;
            }

            effect = (side == OrderSide.Buy) == (size > 0m) ? PositionEffect.Open : PositionEffect.Close;
            size = Math.Abs(size);
        }

        if (Faults.TryTake(FaultKind.RejectOrders, op) is { } reject)
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, reject.Message ?? "{'status': 'error', 'err-code': 'simulated-reject', 'err-msg': 'rejected by fault injection', 'data': None}"));
            return;
        }

        var request = new OrderRequest
        {
            AccountId = login.Account!.Id,
            Symbol = symbol,
            Side = side,
            Type = orderType switch { "MARKET" => OrderType.Market, "IOC" => OrderType.Ioc, _ => OrderType.Limit },
            Price = orderType == "MARKET" ? 0m : price.Value,
            Quantity = size,
            Effect = effect,
        };
        var events = engine.Submit(request, market.Quote(symbol), time.GetUtcNow());
        if (events[0] is OrderRejected rejected)
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, RejectText(rejected, login.IsFutures)));
            return;
        }

        var reply = QuantFrames.StartReply(venue.PythonJson, op, cid, true, string.Empty)
            .Name("order_no").String(((OrderAccepted)events[0]).Order.OrderId)
            .EndObject().ToFrame();
        ReplyAndRoute(session, login, op, reply, events);
    }

    private void CancelOrder(QuantSession session, QuantLogin login, JsonElement? cid, string symbol, JsonElement orderNos)
    {
        const string op = "cancel_order";
        if (orderNos.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var account = login.Account!;
        var ids = orderNos.EnumerateArray().Select(Text).ToList();
        var requested = ids.Count;
        if (requested == 0)
        {
            ids = engine.OpenOrders(account.Id, symbol).Select(o => o.OrderId).ToList();
        }

        var events = new List<MatchingEvent>();
        var successes = new List<string>();
        var failures = new List<string>();
        foreach (var id in ids)
        {
            var canceled = engine.Order(id)?.Symbol == symbol ? engine.Cancel(account.Id, id, time.GetUtcNow()) : [];
            events.AddRange(canceled);
            (canceled.Count > 0 ? successes : failures).Add(id);
        }

        if (quirks.OneIdCancelNoReply && ((requested == 1 && successes.Count == 1) || (requested == 0 && ids.Count == 1 && !login.IsFutures)))
        {
            // The real gateways return a tuple instead of a list here and the reply task crashes (§8.1).
            Route(events);
            return;
        }

        if (quirks.OneIdCancelNoReply && requested == 1)
        {
            Reply(session, op, QuantFrames.Reply(venue.PythonJson, op, cid, false, "The record is not found."));
            return;
        }

        var reply = QuantFrames.StartReply(venue.PythonJson, op, cid, true, string.Empty).Name("data").StartArray();
        foreach (var id in successes)
        {
            reply.StartObject().Name("result").Bool(true).Name("error_message").String(string.Empty).Name("order_no").String(id).EndObject();
        }

        foreach (var id in failures)
        {
            reply.StartObject().Name("result").Bool(false).Name("error_message").String("The record is not found.").Name("order_no").String(login.IsFutures ? id : string.Empty).EndObject();
        }

        ReplyAndRoute(session, login, op, reply.EndArray().EndObject().ToFrame(), events);
    }

    private static string RejectText(OrderRejected rejected, bool futures)
    {
        if (futures)
        {
            var (code, message) = rejected.Reason switch
            {
                RejectReason.InsufficientMargin => (1047, "Insufficient margin available."),
                RejectReason.InsufficientPosition => (1048, "Insufficient close amount available."),
                RejectReason.PriceTick => (1032, "The price is not a multiple of the tick size."),
                RejectReason.NoLiquidity => (1045, "No liquidity."),
                _ => (1001, rejected.Detail),
            };
            return string.Create(CultureInfo.InvariantCulture, $"{{'status': 'error', 'err_code': {code}, 'err_msg': '{message}', 'ts': {rejected.At.ToUnixTimeMilliseconds()}}}");
        }

        var errCode = rejected.Reason switch
        {
            RejectReason.InsufficientBalance => "account-frozen-balance-insufficient-error",
            RejectReason.PriceTick => "order-limitorder-price-precision-error",
            RejectReason.SizeTick => "order-amount-precision-error",
            RejectReason.MinSize => "order-limitorder-amount-min-error",
            RejectReason.MinNotional => "order-value-min-error",
            RejectReason.NoLiquidity => "order-market-no-liquidity",
            _ => "invalid-parameter",
        };
        return $"{{'status': 'error', 'err-code': '{errCode}', 'err-msg': '{rejected.Detail}', 'data': None}}";
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>A JSON number, or a numeric string as Python's int()/float() would take it; null otherwise.</summary>
    private static decimal? Number(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out var d) ? d : (decimal)value.GetDouble();
        }

        return value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}
