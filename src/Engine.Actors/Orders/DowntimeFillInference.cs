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
/// Every other vanished order is journaled as <see cref="OrderVanished"/> and closed, and what the fills do not explain
/// becomes an <see cref="ExternalBalanceAdjusted"/>. Never a silent cancel. Pure.
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
        var matches = expected is null ? [] : vanished.Where(o => Explains(o, difference)).ToList();
        var inferred = matches.Count == 1 ? matches[0] : null;
        var explained = 0m;
        if (inferred is not null)
        {
            var remaining = Remaining(inferred);
            var vid = inferred.VenueOrderId!.Value;
            var price = inferred.Price ?? inferred.AveragePrice;
            var fee = remaining - Math.Abs(difference);
            var reason = Format($"{source}: order {inferred.ClientOrderId} ({inferred.Side} {remaining} at {price}) is no longer open and {asset} moved from the expected {expected} to {reported}, a difference of {difference}, which is its remaining quantity");
            events.Add(new OrderFillInferred(login, inferred.ClientOrderId, now, vid, asset, expected!.Value, reported, remaining, price, reason));
            events.Add(new OrderFilled(login, inferred.ClientOrderId, now, vid, FillIdOf(vid), price, remaining, fee > 0m ? fee : null, fee > 0m ? asset : null));
            explained = difference;
        }

        foreach (var order in vanished.Where(o => !ReferenceEquals(o, inferred)))
        {
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
