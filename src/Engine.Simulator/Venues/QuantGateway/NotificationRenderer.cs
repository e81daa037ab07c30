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
    public static QuantJsonWriter Order(QuantJsonWriter w, OrderView o, bool futures, bool withSymbol)
    {
        w.StartObject();
        if (withSymbol)
        {
            w.Name("symbol").String(o.Symbol);
        }

        return w.Name("order_no").String(o.OrderId)
            .Name("action").String(Side(o.Side))
            .Name("price").Number(o.Price)
            .Name("quantity").Amount(o.Quantity, futures)
            .Name("remain").Amount(o.Remaining, futures)
            .Name("status").String(Status(o.Status))
            .Name("order_type").String(OrderType(o.Type))
            .Name("ctime").Number(o.CreatedAt.ToUnixTimeMilliseconds())
            .Name("utime").Number(o.UpdatedAt.ToUnixTimeMilliseconds())
            .EndObject();
    }

    public static QuantJsonWriter Fill(QuantJsonWriter w, Fill f, bool futures) =>
        w.StartObject()
            .Name("symbol").String(f.Symbol)
            .Name("order_no").String(f.OrderId)
            .Name("fill_no").String(f.FillId)
            .Name("price").Number(f.Price)
            .Name("quantity").Amount(f.Quantity, futures)
            .Name("side").String(Side(f.Side))
            .Name("liquidity").String(f.Liquidity == Liquidity.Maker ? "MAKER" : "TAKER")
            .Name("ctime").Number(f.At.ToUnixTimeMilliseconds())
            .EndObject();

    /// <summary>The currency map of <c>asset</c>; huobi skips zero balances; <paramref name="freeOnly"/> is the §6.4 quirk.</summary>
    public static QuantJsonWriter Asset(QuantJsonWriter w, Wallet wallet, bool skipZero, bool freeOnly)
    {
        w.StartObject();
        foreach (var (asset, b) in wallet.Balances)
        {
            if (skipZero && b.Total == 0m)
            {
                continue;
            }

            w.Name(asset.ToUpperInvariant()).StartObject()
                .Name("free").Number(b.Free)
                .Name("locked").Number(freeOnly ? 0.0m : b.Locked)
                .Name("total").Number(freeOnly ? 0.0m : b.Total)
                .EndObject();
        }

        return w.EndObject();
    }

    /// <summary>The <c>position</c> object; flat gives the default object (zeros, null margin mode and utime).</summary>
    public static QuantJsonWriter Position(QuantJsonWriter w, PositionView p, string? symbol)
    {
        w.StartObject();
        if (symbol is not null)
        {
            w.Name("symbol").String(symbol);
        }

        var flat = p.IsFlat && p.UpdatedAt is null;
        w.Name("margin_mode").StringOrNull(flat ? null : "crossed");
        Leg(w, "long_", p.LongQuantity, p.LongAvailable, p.LongAveragePrice, p.LongUnrealisedPnl, p.LongMargin, p.Leverage, flat, 1m);
        Leg(w, "short_", p.ShortQuantity, p.ShortAvailable, p.ShortAveragePrice, p.ShortUnrealisedPnl, p.ShortMargin, p.Leverage, flat, -1m);
        w.Name("utime");
        return (flat ? w.Null() : w.Number(p.UpdatedAt!.Value.ToUnixTimeMilliseconds())).EndObject();
    }

    private static void Leg(QuantJsonWriter w, string prefix, decimal qty, decimal avail, decimal avg, decimal pnl, decimal margin, decimal leverage, bool flat, decimal direction)
    {
        var liquid = qty > 0m && leverage > 0m ? avg * (1m - (direction / leverage)) : 0m;
        w.Name(prefix + "quantity").Number((long)qty)
            .Name(prefix + "avail_qty").Number((long)avail)
            .Name(prefix + "open_price").Number(avg)
            .Name(prefix + "hold_price").Number(avg)
            .Name(prefix + "liquid_price").Number(decimal.Round(liquid, 8))
            .Name(prefix + "unrealised_pnl").Number(decimal.Round(pnl, 12))
            .Name(prefix + "leverage").Number(flat ? 0 : (long)leverage)
            .Name(prefix + "margin").Number(decimal.Round(margin, 12));
    }

    /// <summary>Contracts (futures) are whole numbers; spot sizes are decimals.</summary>
    private static QuantJsonWriter Amount(this QuantJsonWriter w, decimal value, bool futures) => futures ? w.Number((long)value) : w.Number(value);
}
