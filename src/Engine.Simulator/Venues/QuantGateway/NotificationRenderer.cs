using System.Text.Json.Nodes;
using Engine.Simulator.Accounts;
using Engine.Simulator.Matching;

namespace Engine.Simulator.Venues.QuantGateway;

/// <summary>Renders matching-engine views into the gateway's data objects (§3.7–3.10, §6). Pure.</summary>
internal static class NotificationRenderer
{
    public static string Status(SimOrderStatus status) => status switch
    {
        SimOrderStatus.New => "SUBMITTED",
        SimOrderStatus.PartiallyFilled => "PARTIAL-FILLED",
        SimOrderStatus.Filled => "FILLED",
        _ => "CANCELED",
    };

    public static string OrderType(OrderType type) => type switch
    {
        Matching.OrderType.Market => "MARKET",
        Matching.OrderType.Ioc => "IOC",
        _ => "LIMIT",
    };

    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    /// <summary>An <c>order</c> notification's data; <paramref name="withSymbol"/> false gives an <c>open_orders</c> item.</summary>
    public static JsonObject Order(OrderView o, bool futures, bool withSymbol)
    {
        var data = new JsonObject();
        if (withSymbol)
        {
            data["symbol"] = o.Symbol;
        }

        data["order_no"] = o.OrderId;
        data["action"] = Side(o.Side);
        data["price"] = o.Price;
        data["quantity"] = Amount(o.Quantity, futures);
        data["remain"] = Amount(o.Remaining, futures);
        data["status"] = Status(o.Status);
        data["order_type"] = OrderType(o.Type);
        data["ctime"] = o.CreatedAt.ToUnixTimeMilliseconds();
        data["utime"] = o.UpdatedAt.ToUnixTimeMilliseconds();
        return data;
    }

    public static JsonObject Fill(Fill f, bool futures) => new()
    {
        ["symbol"] = f.Symbol,
        ["order_no"] = f.OrderId,
        ["fill_no"] = f.FillId,
        ["price"] = f.Price,
        ["quantity"] = Amount(f.Quantity, futures),
        ["side"] = Side(f.Side),
        ["liquidity"] = f.Liquidity == Liquidity.Maker ? "MAKER" : "TAKER",
        ["ctime"] = f.At.ToUnixTimeMilliseconds(),
    };

    /// <summary>The currency map of <c>asset</c>; huobi skips zero balances; <paramref name="freeOnly"/> is the §6.4 quirk.</summary>
    public static JsonObject Asset(Wallet wallet, bool skipZero, bool freeOnly)
    {
        var data = new JsonObject();
        foreach (var (asset, b) in wallet.Snapshot())
        {
            if (skipZero && b.Total == 0m)
            {
                continue;
            }

            data[asset.ToUpperInvariant()] = new JsonObject
            {
                ["free"] = b.Free,
                ["locked"] = freeOnly ? 0.0m : b.Locked,
                ["total"] = freeOnly ? 0.0m : b.Total,
            };
        }

        return data;
    }

    /// <summary>The <c>position</c> object; flat gives the default object (zeros, null margin mode and utime).</summary>
    public static JsonObject Position(PositionView p, string? symbol)
    {
        var data = new JsonObject();
        if (symbol is not null)
        {
            data["symbol"] = symbol;
        }

        var flat = p.IsFlat && p.UpdatedAt is null;
        data["margin_mode"] = flat ? null : "crossed";
        Leg(data, "long", p.LongQuantity, p.LongAvailable, p.LongAveragePrice, p.LongUnrealisedPnl, p.LongMargin, p.Leverage, flat, 1m);
        Leg(data, "short", p.ShortQuantity, p.ShortAvailable, p.ShortAveragePrice, p.ShortUnrealisedPnl, p.ShortMargin, p.Leverage, flat, -1m);
        data["utime"] = flat ? null : p.UpdatedAt!.Value.ToUnixTimeMilliseconds();
        return data;
    }

    private static void Leg(JsonObject data, string prefix, decimal qty, decimal avail, decimal avg, decimal pnl, decimal margin, decimal leverage, bool flat, decimal direction)
    {
        var liquid = qty > 0m && leverage > 0m ? avg * (1m - (direction / leverage)) : 0m;
        data[prefix + "_quantity"] = (long)qty;
        data[prefix + "_avail_qty"] = (long)avail;
        data[prefix + "_open_price"] = avg;
        data[prefix + "_hold_price"] = avg;
        data[prefix + "_liquid_price"] = decimal.Round(liquid, 8);
        data[prefix + "_unrealised_pnl"] = decimal.Round(pnl, 12);
        data[prefix + "_leverage"] = flat ? 0 : (long)leverage;
        data[prefix + "_margin"] = decimal.Round(margin, 12);
    }

    private static JsonValue Amount(decimal value, bool futures) => futures ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
