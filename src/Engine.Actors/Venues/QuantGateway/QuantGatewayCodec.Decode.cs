using System.Collections.Immutable;
using System.Text.Json;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayCodec
{
    private static QuantGatewayFrame DecodeObject(string op, JsonElement root, DateTimeOffset at)
    {
        switch (op)
        {
            case W.Ops.Pong:
                return new W.Pong(Required(root, "ts"u8).GetRawText()) { ReceivedAt = at };
            case W.Ops.Ping:
                return new W.PingRequest(Required(root, "ts"u8).GetRawText()) { ReceivedAt = at };
            case W.Ops.State:
                return new W.State(String(root, "token"u8), checked((int)Decimal(root, "code"u8)), String(root, "msg"u8)) { ReceivedAt = at };
            case W.Ops.Error:
                return new W.Error(String(root, "error_message"u8)) { ReceivedAt = at };
            case W.Ops.Notify:
                return DecodeNotification(root, at);
            default:
                break;
        }

        if (root.TryGetProperty("result"u8, out _))
        {
            return DecodeReply(op, root, at);
        }

        var cid = Cid(root) ?? string.Empty;
        return op switch
        {
            W.Ops.Login => new W.LoginRequest(
                String(root, "platform"u8), ReadList(Required(root, "symbols"u8), "symbols", e => AsString(e, "symbols[]"u8)),
                String(root, "access_key"u8), String(root, "secret_key"u8)) { Cid = cid, ReceivedAt = at },
            W.Ops.Logout => new W.LogoutRequest(String(root, "token"u8)) { Cid = cid, ReceivedAt = at },
            W.Ops.PlaceOrder => new W.PlaceOrderRequest(
                String(root, "token"u8), String(root, "symbol"u8), String(root, "action"u8),
                Decimal(root, "price"u8), Decimal(root, "quantity"u8), String(root, "order_type"u8)) { Cid = cid, ReceivedAt = at },
            W.Ops.CancelOrder => new W.CancelOrderRequest(
                String(root, "token"u8), String(root, "symbol"u8),
                ReadList(Required(root, "order_nos"u8), "order_nos", e => AsString(e, "order_nos[]"u8))) { Cid = cid, ReceivedAt = at },
            W.Ops.OpenOrders => new W.OpenOrdersRequest(String(root, "token"u8), String(root, "symbol"u8)) { Cid = cid, ReceivedAt = at },
            W.Ops.Asset => new W.AssetRequest(String(root, "token"u8)) { Cid = cid, ReceivedAt = at },
            W.Ops.Position => new W.PositionRequest(String(root, "token"u8), String(root, "symbol"u8)) { Cid = cid, ReceivedAt = at },
            W.Ops.SymbolInfo => new W.SymbolInfoRequest(String(root, "token"u8), String(root, "symbol"u8)) { Cid = cid, ReceivedAt = at },
            _ => new W.Unknown(op, $"unknown op '{op}'") { ReceivedAt = at },
        };
    }

    private static W.Reply DecodeReply(string op, JsonElement root, DateTimeOffset at)
    {
        var hasData = root.TryGetProperty("data"u8, out var data) && data.ValueKind != JsonValueKind.Null;
        return new W.Reply(op, Cid(root), Bool(root, "result"u8), OptionalString(root, "error_message"u8) ?? string.Empty)
        {
            ReceivedAt = at,
            Token = OptionalString(root, "token"u8),
            OrderNo = OptionalString(root, "order_no"u8),
            CancelItems = hasData && op == W.Ops.CancelOrder ? ReadList(data, "data", ReadCancelItem) : null,
            Orders = hasData && op == W.Ops.OpenOrders ? ReadList(data, "data", ReadOrder) : null,
            Assets = hasData && op == W.Ops.Asset ? ReadAssets(data) : null,
            Position = hasData && op == W.Ops.Position ? ReadPosition(data) : null,
            SymbolInfo = hasData && op == W.Ops.SymbolInfo ? ReadSymbolInfo(data) : null,
        };
    }

    private static QuantGatewayFrame DecodeNotification(JsonElement root, DateTimeOffset at)
    {
        var topic = String(root, "topic"u8);
        var token = String(root, "token"u8);
        var data = Required(root, "data"u8);
        return topic switch
        {
            "order" => new W.OrderNotification(token, ReadOrder(data)) { ReceivedAt = at },
            "fill" => new W.FillNotification(token, ReadFill(data)) { ReceivedAt = at },
            "position" => new W.PositionNotification(token, ReadPosition(data)) { ReceivedAt = at },
            "asset" => new W.AssetNotification(token, ReadAssets(data)) { ReceivedAt = at },
            _ => new W.Unknown(W.Ops.Notify, $"unknown notify topic '{topic}'") { ReceivedAt = at },
        };
    }

    private static W.CancelItem ReadCancelItem(JsonElement e) =>
        new(Bool(e, "result"u8), OptionalString(e, "error_message"u8) ?? string.Empty, OptionalString(e, "order_no"u8) ?? string.Empty);

    private static W.OrderData ReadOrder(JsonElement e) => new(
        OptionalString(e, "symbol"u8),
        String(e, "order_no"u8),
        String(e, "action"u8),
        OptionalDecimal(e, "price"u8),
        Decimal(e, "quantity"u8),
        Decimal(e, "remain"u8),
        String(e, "status"u8),
        String(e, "order_type"u8),
        OptionalLong(e, "ctime"u8),
        OptionalLong(e, "utime"u8));

    private static W.FillData ReadFill(JsonElement e) => new(
        OptionalString(e, "symbol"u8),
        String(e, "order_no"u8),
        String(e, "fill_no"u8),
        Decimal(e, "price"u8),
        Decimal(e, "quantity"u8),
        String(e, "side"u8),
        OptionalString(e, "liquidity"u8),
        OptionalLong(e, "ctime"u8));

    private static ImmutableArray<W.AssetData> ReadAssets(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"asset data must be an object of currencies, not {e.ValueKind}");
        }

        var assets = ImmutableArray.CreateBuilder<W.AssetData>();
        foreach (var p in e.EnumerateObject())
        {
            assets.Add(new W.AssetData(p.Name, OptionalDecimal(p.Value, "free"u8), OptionalDecimal(p.Value, "locked"u8), OptionalDecimal(p.Value, "total"u8)));
        }

        return assets.DrainToImmutable();
    }

    private static ImmutableArray<T> ReadList<T>(JsonElement v, string name, Func<JsonElement, T> read)
    {
        var list = ArrayOf(v, name);
        var items = ImmutableArray.CreateBuilder<T>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            items.Add(read(item));
        }

        return items.MoveToImmutable();
    }

    private static W.PositionData ReadPosition(JsonElement e) => new(
        OptionalString(e, "symbol"u8),
        OptionalString(e, "margin_mode"u8),
        OptionalDecimal(e, "long_quantity"u8) ?? 0m,
        OptionalDecimal(e, "long_avail_qty"u8) ?? 0m,
        OptionalDecimal(e, "long_open_price"u8) ?? 0m,
        OptionalDecimal(e, "long_hold_price"u8) ?? 0m,
        OptionalDecimal(e, "long_liquid_price"u8) ?? 0m,
        OptionalDecimal(e, "long_unrealised_pnl"u8) ?? 0m,
        OptionalDecimal(e, "long_leverage"u8) ?? 0m,
        OptionalDecimal(e, "long_margin"u8) ?? 0m,
        OptionalDecimal(e, "short_quantity"u8) ?? 0m,
        OptionalDecimal(e, "short_avail_qty"u8) ?? 0m,
        OptionalDecimal(e, "short_open_price"u8) ?? 0m,
        OptionalDecimal(e, "short_hold_price"u8) ?? 0m,
        OptionalDecimal(e, "short_liquid_price"u8) ?? 0m,
        OptionalDecimal(e, "short_unrealised_pnl"u8) ?? 0m,
        OptionalDecimal(e, "short_leverage"u8) ?? 0m,
        OptionalDecimal(e, "short_margin"u8) ?? 0m,
        OptionalLong(e, "utime"u8));

    private static W.SymbolInfoData ReadSymbolInfo(JsonElement e) => new(
        OptionalDecimal(e, "price_tick"u8),
        OptionalDecimal(e, "size_tick"u8),
        OptionalDecimal(e, "size_limit"u8),
        OptionalDecimal(e, "value_tick"u8),
        OptionalDecimal(e, "value_limit"u8),
        OptionalString(e, "base_currency"u8),
        OptionalString(e, "quote_currency"u8),
        OptionalString(e, "settlement_currency"u8));
}
