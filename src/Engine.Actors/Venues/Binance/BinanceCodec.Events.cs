using System.Text.Json;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceCodec
{
    private static W.Event ReadEvent(JsonElement root, JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("'event' must be an object");
        }

        var subscriptionId = (int?)OptLong(root, "subscriptionId");
        var type = Str(e, "e");
        W.Event read = type switch
        {
            "executionReport" => ReadExecutionReport(e),
            "outboundAccountPosition" => new W.OutboundAccountPosition(
                Long(e, "u"),
                e.TryGetProperty("B", out var b) && b.ValueKind == JsonValueKind.Array
                    ? [.. b.EnumerateArray().Select(x => new W.AccountBalance(Str(x, "a"), Dec(x, "f"), Dec(x, "l")))]
                    : throw new FormatException("outboundAccountPosition without a 'B' array")),
            "balanceUpdate" => new W.BalanceUpdate(Str(e, "a"), Dec(e, "d"), Long(e, "T")),
            "eventStreamTerminated" => new W.EventStreamTerminated(),
            "serverShutdown" => new W.ServerShutdown(),
            _ => new W.OtherEvent(type),
        };
        return read with { SubscriptionId = subscriptionId, EventTime = OptLong(e, "E") ?? 0 };
    }

    private static W.ExecutionReport ReadExecutionReport(JsonElement e) => new()
    {
        Symbol = Str(e, "s"),
        ClientOrderId = Str(e, "c"),
        Side = Str(e, "S"),
        OrderType = Str(e, "o"),
        TimeInForce = Str(e, "f"),
        Quantity = Dec(e, "q"),
        Price = Dec(e, "p"),
        StopPrice = OptDec(e, "P") ?? 0m,
        IcebergQuantity = OptDec(e, "F") ?? 0m,
        OrderListId = OptLong(e, "g") ?? -1,
        OriginalClientOrderId = OptStr(e, "C") ?? string.Empty,
        ExecutionType = Str(e, "x"),
        OrderStatus = Str(e, "X"),
        RejectReason = OptStr(e, "r") ?? "NONE",
        OrderId = Long(e, "i"),
        LastQuantity = OptDec(e, "l") ?? 0m,
        CumulativeQuantity = OptDec(e, "z") ?? 0m,
        LastPrice = OptDec(e, "L") ?? 0m,
        Commission = OptDec(e, "n") ?? 0m,
        CommissionAsset = OptStr(e, "N"),
        TransactionTime = OptLong(e, "T") ?? 0,
        TradeId = OptLong(e, "t") ?? -1,
        ExecutionId = OptLong(e, "I") ?? 0,
        IsWorking = OptBool(e, "w") ?? false,
        IsMaker = OptBool(e, "m") ?? false,
        Ignore = OptBool(e, "M") ?? false,
        CreationTime = OptLong(e, "O") ?? 0,
        CumulativeQuoteQuantity = OptDec(e, "Z") ?? 0m,
        LastQuoteQuantity = OptDec(e, "Y") ?? 0m,
        QuoteOrderQuantity = OptDec(e, "Q") ?? 0m,
        SelfTradePreventionMode = OptStr(e, "V") ?? "NONE",
        WorkingTime = OptLong(e, "W"),
        ExpiryReason = OptStr(e, "eR"),
    };

    private static void WriteEvent(W.Event e, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (e.SubscriptionId is { } id)
        {
            writer.WriteNumber("subscriptionId", id);
        }

        writer.WriteStartObject("event");
        switch (e)
        {
            case W.ExecutionReport r:
                WriteExecutionReport(r, writer);
                break;
            case W.OutboundAccountPosition p:
                writer.WriteString("e", "outboundAccountPosition");
                writer.WriteNumber("E", p.EventTime);
                writer.WriteNumber("u", p.LastUpdateTime);
                writer.WriteStartArray("B");
                foreach (var b in p.Balances)
                {
                    writer.WriteStartObject();
                    writer.WriteString("a", b.Asset);
                    writer.WriteString("f", Wire(b.Free));
                    writer.WriteString("l", Wire(b.Locked));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case W.BalanceUpdate u:
                writer.WriteString("e", "balanceUpdate");
                writer.WriteNumber("E", u.EventTime);
                writer.WriteString("a", u.Asset);
                writer.WriteString("d", Wire(u.Delta));
                writer.WriteNumber("T", u.ClearTime);
                break;
            case W.EventStreamTerminated:
                writer.WriteString("e", "eventStreamTerminated");
                writer.WriteNumber("E", e.EventTime);
                break;
            case W.ServerShutdown:
                writer.WriteString("e", "serverShutdown");
                writer.WriteNumber("E", e.EventTime);
                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} has no wire form", nameof(e));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteExecutionReport(W.ExecutionReport r, Utf8JsonWriter w)
    {
        w.WriteString("e", "executionReport");
        w.WriteNumber("E", r.EventTime);
        w.WriteString("s", r.Symbol);
        w.WriteString("c", r.ClientOrderId);
        w.WriteString("S", r.Side);
        w.WriteString("o", r.OrderType);
        w.WriteString("f", r.TimeInForce);
        w.WriteString("q", Wire(r.Quantity));
        w.WriteString("p", Wire(r.Price));
        w.WriteString("P", Wire(r.StopPrice));
        w.WriteString("F", Wire(r.IcebergQuantity));
        w.WriteNumber("g", r.OrderListId);
        w.WriteString("C", r.OriginalClientOrderId);
        w.WriteString("x", r.ExecutionType);
        w.WriteString("X", r.OrderStatus);
        w.WriteString("r", r.RejectReason);
        w.WriteNumber("i", r.OrderId);
        w.WriteString("l", Wire(r.LastQuantity));
        w.WriteString("z", Wire(r.CumulativeQuantity));
        w.WriteString("L", Wire(r.LastPrice));
        w.WriteString("n", Wire(r.Commission));
        if (r.CommissionAsset is { } asset)
        {
            w.WriteString("N", asset);
        }
        else
        {
            w.WriteNull("N");
        }

        w.WriteNumber("T", r.TransactionTime);
        w.WriteNumber("t", r.TradeId);
        w.WriteNumber("I", r.ExecutionId);
        w.WriteBoolean("w", r.IsWorking);
        w.WriteBoolean("m", r.IsMaker);
        w.WriteBoolean("M", r.Ignore);
        w.WriteNumber("O", r.CreationTime);
        w.WriteString("Z", Wire(r.CumulativeQuoteQuantity));
        w.WriteString("Y", Wire(r.LastQuoteQuantity));
        w.WriteString("Q", Wire(r.QuoteOrderQuantity));
        WriteOptional(w, "W", r.WorkingTime);
        w.WriteString("V", r.SelfTradePreventionMode);
        if (r.ExpiryReason is { } reason)
        {
            w.WriteString("eR", reason);
        }
    }
}
