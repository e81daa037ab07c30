using System.Collections.Immutable;
using System.Globalization;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Judges the working orders a venue without per-order queries (the quant gateway) no longer lists, on the evidence of
/// the balance it reported at the same reconciliation. The difference between the reported and the expected balance of
/// the base asset is an inferred fill when it equals the remaining quantity of exactly one vanished order on its side
/// (a buy adds it, up to <see cref="FeeTolerance"/> less when the venue took the fee in that asset; a sell removes it).
/// Several vanished orders that were never asked to cancel (both sides of a quote, say, while a cluster node was down)
/// are inferred filled together when the difference is the sum of their remaining quantities, buys minus sells. A
/// vanished order whose cancel the engine had requested is confirmed canceled when the fills already explain the whole
/// difference (the cancel went out; the balance shows no fill). Every other vanished order is journaled as
/// <see cref="OrderVanished"/> and closed, and what the fills do not explain becomes an <see cref="ExternalBalanceAdjusted"/>.
/// Never a silent cancel. Pure.
/// </summary>
public static class DowntimeFillInference
{
    /// <summary>The largest fee, as a fraction of the quantity, a fee taken in the base asset may be.</summary>
    public const decimal FeeTolerance = 0.01m;

    /// <summary>The fill id of an inferred fill of <paramref name="venueOrderId"/>.</summary>
    public static FillId FillIdOf(VenueOrderId venueOrderId) => new($"inferred:{venueOrderId.Value}");

    /// <summary>
    /// The events that settle <paramref name="vanished"/> (orders whose base asset is <paramref name="asset"/>) given the
    /// balance the journal expects (null when it has none) and the one the venue reported; ends with the
    /// <see cref="VenueBalanceReconciled"/> that records the reported balance.
    /// </summary>
    public static ImmutableArray<IOrderEvent> Judge(
        LoginId login, IReadOnlyList<OrderState> vanished, string asset, decimal? expected, decimal reported, DateTimeOffset now, string source)
    {
        ArgumentNullException.ThrowIfNull(vanished);
        var events = ImmutableArray.CreateBuilder<IOrderEvent>();
        var difference = expected is { } e ? reported - e : 0m;
        var untouched = vanished.Where(o => o.Status != OrderStatus.PendingCancel && Remaining(o) > 0m).ToList();
        var matches = expected is null ? [] : vanished.Where(o => Explains(o, difference)).ToList();
        var inferred = expected is not null && untouched.Count > 1 && ExplainsAll(untouched, difference)
            ? untouched
            : matches.Count == 1 ? matches : [];

        var explained = 0m;
        if (inferred.Count > 0)
        {
            // A fee taken in the base asset (a buy received less than it bought) is charged to the buys, in proportion.
            var bought = inferred.Where(o => o.Side == OrderSide.Buy).Sum(Remaining);
            var sold = inferred.Where(o => o.Side == OrderSide.Sell).Sum(Remaining);
            var fees = bought - sold - difference;
            var why = inferred.Count == 1
                ? "which is its remaining quantity"
                : Format($"which is the remaining quantity of the {inferred.Count} vanished orders never asked to cancel, bought {bought} minus sold {sold}");
            foreach (var order in inferred)
            {
                var remaining = Remaining(order);
                var vid = order.VenueOrderId!.Value;
                var price = order.Price ?? order.AveragePrice;
                var fee = order.Side == OrderSide.Buy && fees > 0m ? fees * remaining / bought : 0m;
                var reason = Format($"{source}: order {order.ClientOrderId} ({order.Side} {remaining} at {price}) is no longer open and {asset} moved from the expected {expected} to {reported}, a difference of {difference}, {why}");
                events.Add(new OrderFillInferred(login, order.ClientOrderId, now, vid, asset, expected!.Value, reported, remaining, price, reason));
                events.Add(new OrderFilled(login, order.ClientOrderId, now, vid, FillIdOf(vid), price, remaining, fee > 0m ? fee : null, fee > 0m ? asset : null));
            }

            explained = difference;
        }

        foreach (var order in vanished.Where(o => !inferred.Contains(o)))
        {
            if (expected is not null && order.Status == OrderStatus.PendingCancel && difference == explained)
            {
                // The engine asked the venue to cancel it, the venue no longer lists it, and the balance shows no fill of it.
                var filledSoFar = Math.Max(order.FilledQuantity, order.VenueFilledQuantity);
                events.Add(new OrderReconciled(login, order.ClientOrderId, now, order.VenueOrderId, OrderStatus.Canceled, filledSoFar,
                    Format($"{source}: its cancel was requested, it is no longer open and {asset} ({reported}) shows no fill of it (expected {expected})")));
                continue;
            }

            var why = expected is null
                ? Format($"{source}: no longer open, and the journal holds no earlier {asset} balance to judge a fill by")
                : matches.Count > 1
                    ? Format($"{source}: no longer open; the {asset} difference {difference} equals the remaining quantity of {matches.Count} vanished orders, so none can be chosen")
                    : Format($"{source}: no longer open; the {asset} difference {difference} (expected {expected}, reported {reported}) is not its remaining quantity");
            var filled = Math.Max(order.FilledQuantity, order.VenueFilledQuantity);
            events.Add(new OrderVanished(login, order.ClientOrderId, now, order.VenueOrderId!.Value, Remaining(order), why));
            events.Add(new OrderReconciled(login, order.ClientOrderId, now, order.VenueOrderId, OrderStatus.Canceled, filled, $"{source}; vanished without evidence (OrderVanished)"));
        }

        if (expected is { } exp && difference - explained != 0m)
        {
            events.Add(new ExternalBalanceAdjusted(login, ExternalOrderId.Session, now, asset, exp + explained, reported, difference - explained,
                Format($"{source}: {asset} is {reported} at the venue but the journal expects {exp + explained}; no journaled fill explains {difference - explained}")));
        }

        events.Add(new VenueBalanceReconciled(login, ExternalOrderId.Session, now, asset, reported, expected, source));
        return events.ToImmutable();
    }

    /// <summary>The quantity of <paramref name="order"/> neither the book nor the venue counted as filled.</summary>
    public static decimal Remaining(OrderState order) =>
        order.Quantity - Math.Max(order.FilledQuantity, order.VenueFilledQuantity);

    /// <summary>True when <paramref name="orders"/> all filling explains <paramref name="difference"/> (buys up to the fee tolerance less).</summary>
    private static bool ExplainsAll(IReadOnlyList<OrderState> orders, decimal difference)
    {
        var bought = orders.Where(o => o.Side == OrderSide.Buy).Sum(Remaining);
        var sold = orders.Where(o => o.Side == OrderSide.Sell).Sum(Remaining);
        return difference <= bought - sold && difference >= (bought * (1m - FeeTolerance)) - sold;
    }

    private static bool Explains(OrderState order, decimal difference)
    {
        // A buy may receive up to the fee less than it bought when the fee is taken in the base asset; a sell gives exactly its quantity.
        var remaining = Remaining(order);
        return remaining > 0m && (order.Side == OrderSide.Buy
            ? difference <= remaining && difference >= remaining * (1m - FeeTolerance)
            : difference == -remaining);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
