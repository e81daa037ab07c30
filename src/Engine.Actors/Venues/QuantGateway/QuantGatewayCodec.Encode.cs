using System.Collections.Immutable;
using System.Text.Json;
using W = Engine.Actors.Venues.QuantGateway.QuantGatewayWire;

namespace Engine.Actors.Venues.QuantGateway;

public static partial class QuantGatewayCodec
{
    private static void WriteBody(QuantGatewayFrame frame, Utf8JsonWriter w)
    {
        switch (frame)
        {
            case W.PingRequest p:
                w.WriteString("op", W.Ops.Ping);
                w.WritePropertyName("ts");
                w.WriteRawValue(p.TsJson);
                break;
            case W.Pong p:
                w.WriteString("op", W.Ops.Pong);
                w.WritePropertyName("ts");
                w.WriteRawValue(p.TsJson);
                break;
            case W.LoginRequest r:
                Head(w, W.Ops.Login, r.Cid);
                w.WriteString("platform", r.Platform);
                WriteStrings(w, "symbols", r.Symbols);
                w.WriteString("access_key", r.AccessKey);
                w.WriteString("secret_key", r.SecretKey);
                break;
            case W.LogoutRequest r:
                Head(w, W.Ops.Logout, r.Cid);
                w.WriteString("token", r.Token);
                break;
            case W.PlaceOrderRequest r:
                Head(w, W.Ops.PlaceOrder, r.Cid);
                w.WriteString("token", r.Token);
                w.WriteString("symbol", r.Symbol);
                w.WriteString("action", r.Action);
                w.WriteNumber("price", r.Price);
                w.WriteNumber("quantity", r.Quantity);
                w.WriteString("order_type", r.OrderType);
                break;
            case W.CancelOrderRequest r:
                Head(w, W.Ops.CancelOrder, r.Cid);
                w.WriteString("token", r.Token);
                w.WriteString("symbol", r.Symbol);
                WriteStrings(w, "order_nos", r.OrderNos);
                break;
            case W.OpenOrdersRequest r:
                TokenSymbol(w, W.Ops.OpenOrders, r.Cid, r.Token, r.Symbol);
                break;
            case W.AssetRequest r:
                Head(w, W.Ops.Asset, r.Cid);
                w.WriteString("token", r.Token);
                break;
            case W.PositionRequest r:
                TokenSymbol(w, W.Ops.Position, r.Cid, r.Token, r.Symbol);
                break;
            case W.SymbolInfoRequest r:
                TokenSymbol(w, W.Ops.SymbolInfo, r.Cid, r.Token, r.Symbol);
                break;
            case W.Reply r:
                WriteReply(w, r);
                break;
            case W.State s:
                w.WriteString("op", W.Ops.State);
                w.WriteString("token", s.Token);
                w.WriteNumber("code", s.Code);
                w.WriteString("msg", s.Msg);
                break;
            case W.Error e:
                w.WriteString("op", W.Ops.Error);
                w.WriteString("error_message", e.ErrorMessage);
                break;
            case W.OrderNotification n:
                NotifyHead(w, "order", n.Token);
                WriteOrder(w, n.Data);
                break;
            case W.FillNotification n:
                NotifyHead(w, "fill", n.Token);
                WriteFill(w, n.Data);
                break;
            case W.PositionNotification n:
                NotifyHead(w, "position", n.Token);
                WritePosition(w, n.Data);
                break;
            case W.AssetNotification n:
                NotifyHead(w, "asset", n.Token);
                WriteAssets(w, n.Data);
                break;
            default:
                throw new ArgumentException($"{frame.GetType().Name} has no wire form", nameof(frame));
        }
    }

    private static void Head(Utf8JsonWriter w, string op, string cid)
    {
        w.WriteString("op", op);
        w.WriteString("cid", cid);
    }

    private static void TokenSymbol(Utf8JsonWriter w, string op, string cid, string token, string symbol)
    {
        Head(w, op, cid);
        w.WriteString("token", token);
        w.WriteString("symbol", symbol);
    }

    private static void NotifyHead(Utf8JsonWriter w, string topic, string token)
    {
        w.WriteString("op", W.Ops.Notify);
        w.WriteString("topic", topic);
        w.WriteString("token", token);
        w.WritePropertyName("data");
    }

    private static void WriteReply(Utf8JsonWriter w, W.Reply r)
    {
        w.WriteString("op", r.Op);
        if (r.Cid is not null)
        {
            w.WriteString("cid", r.Cid);
        }

        w.WriteBoolean("result", r.Result);
        w.WriteString("error_message", r.ErrorMessage);
        if (r.Token is not null)
        {
            w.WriteString("token", r.Token);
        }

        if (r.OrderNo is not null)
        {
            w.WriteString("order_no", r.OrderNo);
        }

        if (r.CancelItems is { } items)
        {
            w.WriteStartArray("data");
            foreach (var i in items)
            {
                w.WriteStartObject();
                w.WriteBoolean("result", i.Result);
                w.WriteString("error_message", i.ErrorMessage);
                w.WriteString("order_no", i.OrderNo);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }
        else if (r.Orders is { } orders)
        {
            w.WriteStartArray("data");
            foreach (var o in orders)
            {
                WriteOrder(w, o);
            }

            w.WriteEndArray();
        }
        else if (r.Assets is { } assets)
        {
            w.WritePropertyName("data");
            WriteAssets(w, assets);
        }
        else if (r.Position is { } position)
        {
            w.WritePropertyName("data");
            WritePosition(w, position);
        }
        else if (r.SymbolInfo is { } info)
        {
            w.WriteStartObject("data");
            Number(w, "price_tick", info.PriceTick);
            Number(w, "size_tick", info.SizeTick);
            Number(w, "size_limit", info.SizeLimit);
            Number(w, "value_tick", info.ValueTick);
            Number(w, "value_limit", info.ValueLimit);
            Text(w, "base_currency", info.BaseCurrency);
            Text(w, "quote_currency", info.QuoteCurrency);
            Text(w, "settlement_currency", info.SettlementCurrency);
            w.WriteEndObject();
        }
    }

    private static void WriteOrder(Utf8JsonWriter w, W.OrderData o)
    {
        w.WriteStartObject();
        if (o.Symbol is not null)
        {
            w.WriteString("symbol", o.Symbol);
        }

        w.WriteString("order_no", o.OrderNo);
        w.WriteString("action", o.Action);
        Number(w, "price", o.Price);
        w.WriteNumber("quantity", o.Quantity);
        w.WriteNumber("remain", o.Remain);
        w.WriteString("status", o.Status);
        w.WriteString("order_type", o.OrderType);
        Number(w, "ctime", o.Ctime);
        Number(w, "utime", o.Utime);
        w.WriteEndObject();
    }

    private static void WriteFill(Utf8JsonWriter w, W.FillData f)
    {
        w.WriteStartObject();
        Text(w, "symbol", f.Symbol);
        w.WriteString("order_no", f.OrderNo);
        w.WriteString("fill_no", f.FillNo);
        w.WriteNumber("price", f.Price);
        w.WriteNumber("quantity", f.Quantity);
        w.WriteString("side", f.Side);
        Text(w, "liquidity", f.Liquidity);
        Number(w, "ctime", f.Ctime);
        w.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter w, W.PositionData p)
    {
        w.WriteStartObject();
        if (p.Symbol is not null)
        {
            w.WriteString("symbol", p.Symbol);
        }

        Text(w, "margin_mode", p.MarginMode);
        w.WriteNumber("long_quantity", p.LongQuantity);
        w.WriteNumber("long_avail_qty", p.LongAvailQty);
        w.WriteNumber("long_open_price", p.LongOpenPrice);
        w.WriteNumber("long_hold_price", p.LongHoldPrice);
        w.WriteNumber("long_liquid_price", p.LongLiquidPrice);
        w.WriteNumber("long_unrealised_pnl", p.LongUnrealisedPnl);
        w.WriteNumber("long_leverage", p.LongLeverage);
        w.WriteNumber("long_margin", p.LongMargin);
        w.WriteNumber("short_quantity", p.ShortQuantity);
        w.WriteNumber("short_avail_qty", p.ShortAvailQty);
        w.WriteNumber("short_open_price", p.ShortOpenPrice);
        w.WriteNumber("short_hold_price", p.ShortHoldPrice);
        w.WriteNumber("short_liquid_price", p.ShortLiquidPrice);
        w.WriteNumber("short_unrealised_pnl", p.ShortUnrealisedPnl);
        w.WriteNumber("short_leverage", p.ShortLeverage);
        w.WriteNumber("short_margin", p.ShortMargin);
        Number(w, "utime", p.Utime);
        w.WriteEndObject();
    }

    private static void WriteAssets(Utf8JsonWriter w, ImmutableArray<W.AssetData> assets)
    {
        w.WriteStartObject();
        foreach (var a in assets)
        {
            w.WriteStartObject(a.Currency);
            Number(w, "free", a.Free);
            Number(w, "locked", a.Locked);
            Number(w, "total", a.Total);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, ImmutableArray<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
