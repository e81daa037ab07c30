using System.Collections.Immutable;
using System.Globalization;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Judges the orders a venue without per-order queries (the quant gateway) no longer lists, on the evidence of the
/// balance of their base asset it reported at the same reconciliation. Two kinds of order are judged:
/// - working orders with a venue id the venue no longer lists (vanished). One the engine never asked to cancel has left
///   the book of the venue, which does not cancel an order on its own: it filled, so it belongs to every explanation;
///   one whose cancel was requested may have filled or been canceled;
/// - Unknown orders without a venue id (the place reply died with the session that sent the request) that no listed
///   order can be and whose session ended: they either filled or never reached the venue.
/// An explanation is a set of them that filled their remaining quantity (a buy adds it, up to
/// <see cref="FeeTolerance"/> less when the venue took the fee in that asset; a sell removes it) and whose sum is the
/// difference between the reported and the expected balance. Fills are inferred only when exactly one explanation
/// exists: first among the sets that hold every order never asked to cancel, failing that among all sets. The orders of
/// the explanation get an <see cref="OrderFillInferred"/> and an <see cref="OrderFilled"/> at their limit price; the
/// others are settled by the same balance: a requested cancel is confirmed, an Unknown order never reached the venue
/// (<see cref="OrderRejected"/>). When no single explanation exists, every vanished order with a venue id is journaled as
/// <see cref="OrderVanished"/> and closed, an Unknown order stays Unknown, and what the fills do not explain becomes an
/// <see cref="ExternalBalanceAdjusted"/>. Never a silent cancel. Pure.
/// </summary>
public static class DowntimeFillInference
{
    /// <summary>The largest fee, as a fraction of the quantity, a fee taken in the base asset may be.</summary>
    public const decimal FeeTolerance = 0.01m;

    /// <summary>The most orders searched for an explanation at one reconciliation (up to 2^n sets); with more, none is inferred.</summary>
    public const int MaxCandidates = 16;

    /// <summary>The prefix of the venue id an inferred fill names for an order whose venue id never reached the engine.</summary>
    public const string UnknownVenueIdPrefix = "unknown:";

    /// <summary>The fill id of an inferred fill of <paramref name="venueOrderId"/>.</summary>
    public static FillId FillIdOf(VenueOrderId venueOrderId) => new($"inferred:{venueOrderId.Value}");

    /// <summary>
    /// The fill id of the inferred fill of <paramref name="order"/>: <c>inferred:&lt;venue id&gt;</c>, or for an order
    /// whose venue id the engine never learned <c>inferred:cid:&lt;client order id&gt;</c> (a venue id is never prefixed
    /// <c>cid:</c> here, so the two cannot collide).
    /// </summary>
    public static FillId FillIdOf(OrderState order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.VenueOrderId is { } vid ? FillIdOf(vid) : new FillId($"inferred:cid:{order.ClientOrderId.Value}");
    }

    /// <summary>
    /// The fill id of the fill owed to <paramref name="venueOrderId"/> once the venue reported it
    /// <paramref name="reportedFilled"/> filled: <c>inferred:&lt;venue id&gt;:&lt;filled&gt;</c> (<see cref="OwedFills"/>).
    /// </summary>
    public static FillId OwedFillIdOf(VenueOrderId venueOrderId, decimal reportedFilled) =>
        new($"inferred:{venueOrderId.Value}:{reportedFilled.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>
    /// The venue id an inferred fill carries: the order's, or for an order whose venue id never reached the engine
    /// <c>unknown:&lt;client order id&gt;</c>, which names no venue order and says so.
    /// </summary>
    public static VenueOrderId VenueIdOf(OrderState order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.VenueOrderId ?? new VenueOrderId($"{UnknownVenueIdPrefix}{order.ClientOrderId.Value}");
    }

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
        var candidates = vanished.Where(o => Remaining(o) > 0m).ToList();
        var forced = candidates.Where(IsForced).ToList();
        var open = candidates.Where(o => !IsForced(o)).ToList();
        var (inferred, explanations) = expected is null ? ([], 0) : Explain(forced, open, difference);

        var explained = 0m;
        if (inferred.Count > 0)
        {
            // A fee taken in the base asset (a buy received less than it bought) is charged to the buys, in proportion.
            var bought = inferred.Where(o => o.Side == OrderSide.Buy).Sum(Remaining);
            var sold = inferred.Where(o => o.Side == OrderSide.Sell).Sum(Remaining);
            var fees = bought - sold - difference;
            var why = inferred.Count == 1
                ? "which is its remaining quantity"
                : Format($"which is the remaining quantity of the {inferred.Count} orders no longer open, bought {bought} minus sold {sold}");
            var only = Format($"; the only such set of the {candidates.Count} orders no longer open");
            foreach (var order in inferred)
            {
                var remaining = Remaining(order);
                var vid = VenueIdOf(order);
                var price = order.Price ?? order.AveragePrice;
                var fee = order.Side == OrderSide.Buy && fees > 0m ? fees * remaining / bought : 0m;
                var reason = Format($"{source}: order {order.ClientOrderId} ({order.Side} {remaining} at {price}{(order.VenueOrderId is null ? ", its venue id never reached the engine" : string.Empty)}) is no longer open and {asset} moved from the expected {expected} to {reported}, a difference of {difference}, {why}{only}");
                events.Add(new OrderFillInferred(login, order.ClientOrderId, now, vid, asset, expected!.Value, reported, remaining, price, reason));
                events.Add(new OrderFilled(login, order.ClientOrderId, now, vid, FillIdOf(order), price, remaining, fee > 0m ? fee : null, fee > 0m ? asset : null));
            }

            explained = difference;
        }

        var settled = expected is not null && difference == explained;
        foreach (var order in vanished.Where(o => !inferred.Contains(o)))
        {
            if (order.VenueOrderId is null)
            {
                if (settled && explanations == 1)
                {
                    // Not listed after the session that sent it ended, and the balance shows no fill of it: the venue never had it.
                    events.Add(new OrderRejected(login, order.ClientOrderId, now, Format(
                        $"{OrderStatusResolver.NotFoundReason} ({source}: not among the open orders after the session that sent it ended, and {asset} ({reported}) shows no fill of it (expected {expected}))")));
                }

                // Otherwise it stays Unknown: nothing says whether it filled.
                continue;
            }

            if (settled && order.Status == OrderStatus.PendingCancel)
            {
                // The engine asked the venue to cancel it, the venue no longer lists it, and the balance shows no fill of it.
                var filledSoFar = Math.Max(order.FilledQuantity, order.VenueFilledQuantity);
                events.Add(new OrderReconciled(login, order.ClientOrderId, now, order.VenueOrderId, OrderStatus.Canceled, filledSoFar,
                    Format($"{source}: its cancel was requested, it is no longer open and {asset} ({reported}) shows no fill of it (expected {expected})")));
                continue;
            }

            var why = expected is null
                ? Format($"{source}: no longer open, and the journal holds no earlier {asset} balance to judge a fill by")
                : explanations > 1
                    ? Format($"{source}: no longer open; the {asset} difference {difference} equals the remaining quantity of {explanations} different sets of vanished orders, so none can be chosen")
                    : Format($"{source}: no longer open; the {asset} difference {difference} (expected {expected}, reported {reported}) is not its remaining quantity");
            var filled = Math.Max(order.FilledQuantity, order.VenueFilledQuantity);
            events.Add(new OrderVanished(login, order.ClientOrderId, now, order.VenueOrderId.Value, Remaining(order), why));
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

    /// <summary>
    /// The fills a venue reported by status but whose fill reports never came: for every order in
    /// <paramref name="owed"/> (client order id → the filled quantity the venue had reported when the session that would
    /// have delivered the fill reports ended) still covered by fewer fills, one <see cref="OrderFillInferred"/> and one
    /// fill of the difference at the order's limit price (the venue's status reports carry no fill price; a limit order
    /// fills at its price or better). Orders without a venue id or a limit price, and orders the venue had reported no
    /// more of, get nothing. Pure.
    /// </summary>
    public static ImmutableArray<IOrderEvent> OwedFills(
        LoginId login, IReadOnlyDictionary<ClientOrderId, decimal> owed, Func<ClientOrderId, OrderState?> find, DateTimeOffset now, string source)
    {
        ArgumentNullException.ThrowIfNull(owed);
        ArgumentNullException.ThrowIfNull(find);
        var events = ImmutableArray.CreateBuilder<IOrderEvent>();
        foreach (var (cid, reportedFilled) in owed.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            if (find(cid) is not { VenueOrderId: { } vid, Price: { } price } order || order.IsExternal || order.Status == OrderStatus.Rejected)
            {
                continue;
            }

            var missing = Math.Min(reportedFilled, order.Quantity) - order.FilledQuantity;
            if (missing <= 0m)
            {
                continue;
            }

            var asset = BalanceLedger.BaseAssetOf(order.Symbol) ?? order.Symbol.Value;
            var reason = Format($"{source}: the venue reported order {cid} ({order.Side} {order.Quantity} at {price}) {order.Status} with {reportedFilled} filled, but its fill reports cover {order.FilledQuantity}; the session that would have delivered the fill report of the other {missing} ended, and the venue cannot be asked for it: a fill of {missing} at its limit price");
            events.Add(new OrderFillInferred(login, cid, now, vid, asset, order.FilledQuantity, reportedFilled, missing, price, reason));
            events.Add(new OrderFilled(login, cid, now, vid, OwedFillIdOf(vid, reportedFilled), price, missing));
        }

        return events.ToImmutable();
    }

    /// <summary>The quantity of <paramref name="order"/> neither the book nor the venue counted as filled.</summary>
    public static decimal Remaining(OrderState order) =>
        order.Quantity - Math.Max(order.FilledQuantity, order.VenueFilledQuantity);

    /// <summary>A vanished order with a venue id the engine never asked to cancel: the venue no longer has it, so it filled.</summary>
    private static bool IsForced(OrderState order) => order.VenueOrderId is not null && order.Status != OrderStatus.PendingCancel;

    /// <summary>
    /// The one set of orders whose filling explains <paramref name="difference"/>, with the number of explanations found
    /// at the first step that found any (the set is empty unless that number is 1). The steps, from the most to the least
    /// the venue's own word supports: every forced order plus some of the Unknown ones, the cancels requested taking
    /// effect; every forced order plus some of the others; any set.
    /// </summary>
    private static (List<OrderState> Filled, int Explanations) Explain(List<OrderState> forced, List<OrderState> open, decimal difference)
    {
        if (forced.Count + open.Count > MaxCandidates)
        {
            return ([], 0);
        }

        List<OrderState> none = [];
        List<OrderState> unknown = [.. open.Where(o => o.VenueOrderId is null)];
        List<OrderState> all = [.. forced, .. open];
        (List<OrderState> Required, List<OrderState> Optional)[] steps = [(forced, unknown), (forced, open), (none, all)];
        foreach (var (required, optional) in steps)
        {
            var found = Explanations(required, optional, difference);
            if (found.Count > 0)
            {
                return found.Count == 1 ? (found[0], 1) : ([], found.Count);
            }
        }

        return ([], 0);
    }

    /// <summary>Every set made of all of <paramref name="required"/> and some of <paramref name="optional"/> that explains <paramref name="difference"/>.</summary>
    private static List<List<OrderState>> Explanations(List<OrderState> required, List<OrderState> optional, decimal difference)
    {
        var found = new List<List<OrderState>>();
        for (var mask = 0; mask < 1 << optional.Count; mask++)
        {
            var set = new List<OrderState>(required);
            set.AddRange(optional.Where((_, i) => (mask & (1 << i)) != 0));
            if (ExplainsAll(set, difference))
            {
                found.Add(set);
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="orders"/> all filling explains <paramref name="difference"/> (buys up to the fee tolerance less).</summary>
    private static bool ExplainsAll(IReadOnlyList<OrderState> orders, decimal difference)
    {
        var bought = orders.Where(o => o.Side == OrderSide.Buy).Sum(Remaining);
        var sold = orders.Where(o => o.Side == OrderSide.Sell).Sum(Remaining);
        return difference <= bought - sold && difference >= (bought * (1m - FeeTolerance)) - sold;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
