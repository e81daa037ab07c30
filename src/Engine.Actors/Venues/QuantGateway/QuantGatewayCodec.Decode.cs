using System.Collections.Immutable;
using System.Text.Json;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayCodec
{
    private static QuantGatewayFrame DecodeObject(string op, JsonElement root)
    {
        switch (op)
        {
            case W.Ops.Pong:
                return new W.Pong(Required(root, "ts").GetRawText());
            case W.Ops.Ping:
                return new W.PingRequest(Required(root, "ts").GetRawText());
            case W.Ops.State:
                return new W.State(String(root, "token"), checked((int)Decimal(root, "code")), String(root, "msg"));
            case W.Ops.Error:
                return new W.Error(String(root, "error_message"));
            case W.Ops.Notify:
                return DecodeNotification(root);
            default:
                break;
        }

        if (root.TryGetProperty("result", out _))
        {
            return DecodeReply(op, root);
        }

        var cid = Cid(root) ?? string.Empty;
        return op switch
        {
            W.Ops.Login => new W.LoginRequest(
                String(root, "platform"), [.. Array(root, "symbols").EnumerateArray().Select(e => AsString(e, "symbols[]"))],
                String(root, "access_key"), String(root, "secret_key")) { Cid = cid },
            W.Ops.Logout => new W.LogoutRequest(String(root, "token")) { Cid = cid },
            W.Ops.PlaceOrder => new W.PlaceOrderRequest(
                String(root, "token"), String(root, "symbol"), String(root, "action"),
                Decimal(root, "price"), Decimal(root, "quantity"), String(root, "order_type")) { Cid = cid },
            W.Ops.CancelOrder => new W.CancelOrderRequest(
                String(root, "token"), String(root, "symbol"),
                [.. Array(root, "order_nos").EnumerateArray().Select(e => AsString(e, "order_nos[]"))]) { Cid = cid },
            W.Ops.OpenOrders => new W.OpenOrdersRequest(String(root, "token"), String(root, "symbol")) { Cid = cid },
            W.Ops.Asset => new W.AssetRequest(String(root, "token")) { Cid = cid },
            W.Ops.Position => new W.PositionRequest(String(root, "token"), String(root, "symbol")) { Cid = cid },
            W.Ops.SymbolInfo => new W.SymbolInfoRequest(String(root, "token"), String(root, "symbol")) { Cid = cid },
            _ => new W.Unknown(op, $"unknown op '{op}'"),
        };
    }

    private static W.Reply DecodeReply(string op, JsonElement root)
    {
        var reply = new W.Reply(op, Cid(root), Bool(root, "result"), OptionalString(root, "error_message") ?? string.Empty)
        {
            Token = OptionalString(root, "token"),
            OrderNo = OptionalString(root, "order_no"),
        };

        if (!root.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
        {
            return reply;
        }

        return op switch
        {
            W.Ops.CancelOrder => reply with { CancelItems = [.. ArrayOf(data, "data").EnumerateArray().Select(ReadCancelItem)] },
            W.Ops.OpenOrders => reply with { Orders = [.. ArrayOf(data, "data").EnumerateArray().Select(ReadOrder)] },
            W.Ops.Asset => reply with { Assets = ReadAssets(data) },
            W.Ops.Position => reply with { Position = ReadPosition(data) },
            W.Ops.SymbolInfo => reply with { SymbolInfo = ReadSymbolInfo(data) },
            _ => reply,
        };
    }

    private static QuantGatewayFrame DecodeNotification(JsonElement root)
    {
        var topic = String(root, "topic");
        var token = String(root, "token");
        var data = Required(root, "data");
        return topic switch
        {
            "order" => new W.OrderNotification(token, ReadOrder(data)),
            "fill" => new W.FillNotification(token, ReadFill(data)),
            "position" => new W.PositionNotification(token, ReadPosition(data)),
            "asset" => new W.AssetNotification(token, ReadAssets(data)),
            _ => new W.Unknown(W.Ops.Notify, $"unknown notify topic '{topic}'"),
        };
    }

    private static W.CancelItem ReadCancelItem(JsonElement e) =>
        new(Bool(e, "result"), OptionalString(e, "error_message") ?? string.Empty, OptionalString(e, "order_no") ?? string.Empty);

    private static W.OrderData ReadOrder(JsonElement e) => new(
        OptionalString(e, "symbol"),
        String(e, "order_no"),
        String(e, "action"),
        OptionalDecimal(e, "price"),
        Decimal(e, "quantity"),
        Decimal(e, "remain"),
        String(e, "status"),
        String(e, "order_type"),
        OptionalLong(e, "ctime"),
        OptionalLong(e, "utime"));

    private static W.FillData ReadFill(JsonElement e) => new(
        OptionalString(e, "symbol"),
        String(e, "order_no"),
        String(e, "fill_no"),
        Decimal(e, "price"),
        Decimal(e, "quantity"),
        String(e, "side"),
        OptionalString(e, "liquidity"),
        OptionalLong(e, "ctime"));

    private static ImmutableArray<W.AssetData> ReadAssets(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"asset data must be an object of currencies, not {e.ValueKind}");
        }

        return [.. e.EnumerateObject().Select(p => new W.AssetData(
            p.Name, OptionalDecimal(p.Value, "free"), OptionalDecimal(p.Value, "locked"), OptionalDecimal(p.Value, "total")))];
    }

    private static W.PositionData ReadPosition(JsonElement e) => new(
        OptionalString(e, "symbol"),
        OptionalString(e, "margin_mode"),
        OptionalDecimal(e, "long_quantity") ?? 0m,
        OptionalDecimal(e, "long_avail_qty") ?? 0m,
        OptionalDecimal(e, "long_open_price") ?? 0m,
        OptionalDecimal(e, "long_hold_price") ?? 0m,
        OptionalDecimal(e, "long_liquid_price") ?? 0m,
        OptionalDecimal(e, "long_unrealised_pnl") ?? 0m,
        OptionalDecimal(e, "long_leverage") ?? 0m,
        OptionalDecimal(e, "long_margin") ?? 0m,
        OptionalDecimal(e, "short_quantity") ?? 0m,
        OptionalDecimal(e, "short_avail_qty") ?? 0m,
        OptionalDecimal(e, "short_open_price") ?? 0m,
        OptionalDecimal(e, "short_hold_price") ?? 0m,
        OptionalDecimal(e, "short_liquid_price") ?? 0m,
        OptionalDecimal(e, "short_unrealised_pnl") ?? 0m,
        OptionalDecimal(e, "short_leverage") ?? 0m,
        OptionalDecimal(e, "short_margin") ?? 0m,
        OptionalLong(e, "utime"));

    private static W.SymbolInfoData ReadSymbolInfo(JsonElement e) => new(
        OptionalDecimal(e, "price_tick"),
        OptionalDecimal(e, "size_tick"),
        OptionalDecimal(e, "size_limit"),
        OptionalDecimal(e, "value_tick"),
        OptionalDecimal(e, "value_limit"),
        OptionalString(e, "base_currency"),
        OptionalString(e, "quote_currency"),
        OptionalString(e, "settlement_currency"));
}
