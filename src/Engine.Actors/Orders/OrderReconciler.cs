using System.Collections.Immutable;
using Engine.Actors.Orders.Protocol;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// Compares a login's working orders of one symbol with the venue's open orders of that symbol (after every
/// READY, after an unknown outcome, periodically) and produces the <see cref="OrderReconciled"/> events that
/// bring the book in line. Pure: reads the book, changes nothing. The venue's view wins:
/// listed → working with the venue's filled quantity; a known order that is not listed is closed as Filled
/// when its fills cover the quantity. Otherwise, when the venue answers per-order status queries, it is asked
/// about (<see cref="ReconcileOutcome.ToQuery"/>) instead of guessed; when it cannot, it is returned as vanished
/// (<see cref="ReconcileOutcome.Vanished"/>), to be judged on the venue's balance (<see cref="DowntimeFillInference"/>).
/// An Unknown order without a venue id adopts the unclaimed listed order that names its client order id; failing
/// that it is asked about by id when the venue can answer, else it adopts the one unclaimed listed order with the
/// same side, type, price and quantity (the earliest listed when several are identical), and stays Unknown when there is none
/// (<see cref="ReconcileOutcome.Unresolved"/>: once the session that sent it ended, the book judges it on the balance like a
/// vanished order). Orders still awaiting
/// their place reply (Submitted without id) are left alone, and so are as many unclaimed open orders as could be theirs
/// (named by their client order id, or with their terms): those are not foreign, since the reply in flight (or, if it is
/// lost, the reconciliation that follows the order becoming Unknown) will say whose they are.
/// </summary>
public static class OrderReconciler
{
    /// <summary>
    /// Reconciles <paramref name="symbol"/>; <paramref name="source"/> says how the list was obtained, for the journal;
    /// <paramref name="canQueryOrderStatus"/> says whether the venue answers per-order status queries.
    /// </summary>
    public static ReconcileOutcome Reconcile(
        OrderBook book, Symbol symbol, IReadOnlyList<OpenOrder> open, DateTimeOffset now, string source, bool canQueryOrderStatus = false)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(open);
        var listed = open.GroupBy(o => o.VenueOrderId).ToDictionary(g => g.Key, g => g.First());
        var claimed = new HashSet<VenueOrderId>();
        var events = ImmutableArray.CreateBuilder<IOrderEvent>();
        var unresolved = ImmutableArray.CreateBuilder<ClientOrderId>();
        var toQuery = ImmutableArray.CreateBuilder<OrderToResolve>();
        var vanished = ImmutableArray.CreateBuilder<OrderState>();
        var working = book.Working.Where(o => o.Symbol == symbol).OrderBy(o => book.ArrivalOf(o.ClientOrderId)).ToList();

        foreach (var order in working.Where(o => o.VenueOrderId is not null))
        {
            var vid = order.VenueOrderId!.Value;
            if (listed.TryGetValue(vid, out var venue))
            {
                claimed.Add(vid);
                // A pending cancel stays pending while the venue still lists the order; only new fills matter then.
                var statusDiffers = order.Status != venue.Status && order.Status != OrderStatus.PendingCancel;
                if (statusDiffers || order.VenueFilledQuantity < venue.FilledQuantity)
                {
                    events.Add(new OrderReconciled(order.Login, order.ClientOrderId, now, vid, venue.Status, venue.FilledQuantity, source));
                }

                continue;
            }

            var filled = Math.Max(order.FilledQuantity, order.VenueFilledQuantity);
            if (filled >= order.Quantity)
            {
                events.Add(new OrderReconciled(order.Login, order.ClientOrderId, now, vid, OrderStatus.Filled, filled, $"{source}; not among the open orders"));
            }
            else if (canQueryOrderStatus)
            {
                // It may have filled (or been canceled) while the socket was down: the venue's own word decides.
                toQuery.Add(new OrderToResolve(symbol, order.ClientOrderId, vid));
            }
            else
            {
                // No per-order query on this venue (quant gateway): it may have filled while the engine did not listen. Never
                // guessed as Canceled: the balance the venue reports decides (DowntimeFillInference).
                vanished.Add(order);
            }
        }

        var unknownVenueIds = listed.Keys.Where(v => !claimed.Contains(v) && book.FindByVenueId(v) is null).ToHashSet();
        foreach (var order in working.Where(o => o.VenueOrderId is null && o.Status == OrderStatus.Unknown))
        {
            var named = unknownVenueIds.Select(v => listed[v]).FirstOrDefault(v => v.ClientOrderId == order.ClientOrderId);
            if (named is not null)
            {
                Adopt(order, named, $"{source}; matched by client order id");
                continue;
            }

            if (canQueryOrderStatus)
            {
                toQuery.Add(new OrderToResolve(symbol, order.ClientOrderId, null));
                continue;
            }

            // The rule of OrderAttribution: same terms; several listed orders with the same terms are interchangeable, so
            // the oldest Unknown order (this loop goes oldest first) takes the earliest listed one.
            var candidates = unknownVenueIds.Select(v => listed[v])
                .Where(v => v.Side == order.Side && v.Quantity == order.Quantity && v.Price == order.Price && v.Type == order.Type)
                .OrderBy(v => v.CreatedAt ?? DateTimeOffset.MaxValue)
                .ThenBy(v => v.VenueOrderId.Value, StringComparer.Ordinal)
                .ToList();
            if (candidates.Count == 0)
            {
                unresolved.Add(order.ClientOrderId);
                continue;
            }

            Adopt(order, candidates[0], candidates.Count == 1
                ? $"{source}; matched by side, price and quantity"
                : $"{source}; matched by side, price and quantity, the earliest of {candidates.Count} listed orders with identical terms");
        }

        var foreign = NotAwaited(open.Where(o => !claimed.Contains(o.VenueOrderId)), working).ToImmutableArray();
        return new ReconcileOutcome(events.ToImmutable(), foreign, unresolved.ToImmutable()) { ToQuery = toQuery.ToImmutable(), Vanished = vanished.ToImmutable() };

        void Adopt(OrderState order, OpenOrder venue, string why)
        {
            unknownVenueIds.Remove(venue.VenueOrderId);
            claimed.Add(venue.VenueOrderId);
            events.Add(new OrderReconciled(order.Login, order.ClientOrderId, now, venue.VenueOrderId, venue.Status, venue.FilledQuantity, why));
        }
    }

    /// <summary>
    /// <paramref name="unclaimed"/> without those that may be the venue's side of an order still awaiting its place reply:
    /// one named by such an order's client order id, and per set of identical terms as many (earliest listed first) as
    /// there are such orders with those terms.
    /// </summary>
    private static IEnumerable<OpenOrder> NotAwaited(IEnumerable<OpenOrder> unclaimed, List<OrderState> working)
    {
        var awaiting = working.Where(o => o.VenueOrderId is null && o.Status == OrderStatus.Submitted).ToList();
        if (awaiting.Count == 0)
        {
            return unclaimed;
        }

        var named = awaiting.Select(o => o.ClientOrderId).ToHashSet();
        var slots = awaiting.CountBy(o => (o.Side, o.Type, o.Price, o.Quantity)).ToDictionary(p => p.Key, p => p.Value);
        var foreign = new List<OpenOrder>();
        foreach (var order in unclaimed.OrderBy(o => o.CreatedAt ?? DateTimeOffset.MaxValue).ThenBy(o => o.VenueOrderId.Value, StringComparer.Ordinal))
        {
            if (order.ClientOrderId is { } cid && named.Contains(cid))
            {
                continue;
            }

            var terms = (order.Side, order.Type, order.Price, order.Quantity);
            if (order.ClientOrderId is null && slots.TryGetValue(terms, out var left) && left > 0)
            {
                slots[terms] = left - 1;
                continue;
            }

            foreign.Add(order);
        }

        return foreign;
    }
}
