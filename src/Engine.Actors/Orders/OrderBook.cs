using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// All orders of one login, by client order id and by venue order id. Pure (no clock, no I/O) but
/// mutable: owned by one actor and not thread-safe. Venue reports for a venue id that no place reply has
/// revealed yet are held (huobi_future and ftx push before they reply) and released by
/// <see cref="TakeHeld"/> once the id is known.
/// </summary>
public sealed class OrderBook
{
    private readonly Dictionary<ClientOrderId, OrderState> _orders = [];
    private readonly Dictionary<VenueOrderId, ClientOrderId> _byVenueId = [];
    private readonly Dictionary<VenueOrderId, List<VenueOrderUpdate>> _held = [];
    private int _heldCount;

    /// <summary>Creates an empty book for <paramref name="login"/>.</summary>
    public OrderBook(LoginId login)
    {
        Login = login;
    }

    /// <summary>The login whose orders this book holds.</summary>
    public LoginId Login { get; }

    /// <summary>Every order ever recorded, terminal ones included.</summary>
    public IReadOnlyCollection<OrderState> Orders => _orders.Values;

    /// <summary>Orders that may still trade (Submitted, Accepted, PartiallyFilled, PendingCancel, Unknown).</summary>
    public IEnumerable<OrderState> Working => _orders.Values.Where(o => OrderLifecycle.IsWorking(o.Status));

    /// <summary>Number of venue reports held for venue ids not yet revealed.</summary>
    public int HeldCount => _heldCount;

    /// <summary>The order with this client id, or null.</summary>
    public OrderState? Find(ClientOrderId clientOrderId) => _orders.GetValueOrDefault(clientOrderId);

    /// <summary>The order with this venue id, or null when no order has revealed it.</summary>
    public OrderState? FindByVenueId(VenueOrderId venueOrderId) =>
        _byVenueId.TryGetValue(venueOrderId, out var cid) ? _orders.GetValueOrDefault(cid) : null;

    /// <summary>What <paramref name="orderEvent"/> would do; changes nothing.</summary>
    public OrderBookDecision Decide(IOrderEvent orderEvent)
    {
        if (orderEvent.Login != Login)
        {
            return new OrderBookDecision(orderEvent, null);
        }

        if (orderEvent is OrderSubmitted submitted)
        {
            return _orders.TryGetValue(submitted.ClientOrderId, out var existing)
                ? new OrderBookDecision(submitted, existing.Apply(submitted))
                : new OrderBookDecision(submitted, new OrderApplyResult(OrderState.Create(submitted), TransitionOutcome.Applied, null));
        }

        if (!_orders.TryGetValue(orderEvent.ClientOrderId, out var order))
        {
            return new OrderBookDecision(orderEvent, null);
        }

        var normalized = NormalizeFill(order, orderEvent);
        return new OrderBookDecision(normalized, order.Apply(normalized));
    }

    /// <summary>
    /// Decides and, when applied, stores the result and indexes the venue id. Used after a persist and
    /// during recovery; replaying the same events rebuilds the same book.
    /// </summary>
    public OrderBookDecision Apply(IOrderEvent orderEvent)
    {
        var decision = Decide(orderEvent);
        if (decision.ShouldPersist && decision.Result is { State: var state })
        {
            _orders[state.ClientOrderId] = state;
            if (state.VenueOrderId is { } venueId)
            {
                _byVenueId[venueId] = state.ClientOrderId;
            }
        }

        return decision;
    }

    /// <summary>
    /// Replaces every order with <paramref name="orders"/> (a snapshot) and re-indexes their venue ids; held
    /// reports are dropped. Replaying the events after the snapshot then rebuilds the same book as a full replay.
    /// </summary>
    public void Restore(IEnumerable<OrderState> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _orders.Clear();
        _byVenueId.Clear();
        _held.Clear();
        _heldCount = 0;
        foreach (var state in orders.Where(o => o.Login == Login))
        {
            _orders[state.ClientOrderId] = state;
            if (state.VenueOrderId is { } venueId)
            {
                _byVenueId[venueId] = state.ClientOrderId;
            }
        }
    }

    /// <summary>
    /// Turns a venue report into an order event when its venue id is known, or when it names a client order id
    /// of this book whose order has no venue id yet (or the same one): the event carries the venue id, so applying
    /// it teaches the order its id. Otherwise holds it and returns null.
    /// </summary>
    public IOrderEvent? BindOrHold(VenueOrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (_byVenueId.TryGetValue(update.VenueOrderId, out var cid))
        {
            return update.Bind(cid);
        }

        if (update.ClientOrderId is { } named
            && _orders.TryGetValue(named, out var order)
            && (order.VenueOrderId is null || order.VenueOrderId == update.VenueOrderId))
        {
            return update.Bind(named);
        }

        if (!_held.TryGetValue(update.VenueOrderId, out var list))
        {
            list = [];
            _held[update.VenueOrderId] = list;
        }

        list.Add(update);
        _heldCount++;
        return null;
    }

    /// <summary>
    /// The held reports for <paramref name="venueOrderId"/>, bound to <paramref name="clientOrderId"/>, in
    /// arrival order, and forgets them. Call it when a place reply reveals the venue id.
    /// </summary>
    public ImmutableArray<IOrderEvent> TakeHeld(VenueOrderId venueOrderId, ClientOrderId clientOrderId)
    {
        if (!_held.Remove(venueOrderId, out var list))
        {
            return [];
        }

        _heldCount -= list.Count;
        return [.. list.Select(u => u.Bind(clientOrderId))];
    }

    /// <summary>
    /// Drops held reports received before <paramref name="cutoff"/> (reports for orders this engine never
    /// placed, or whose reply was lost) and returns them so the caller can log them and reconcile.
    /// </summary>
    public ImmutableArray<VenueOrderUpdate> ExpireHeld(DateTimeOffset cutoff)
    {
        var expired = ImmutableArray.CreateBuilder<VenueOrderUpdate>();
        foreach (var (venueId, list) in _held.ToList())
        {
            expired.AddRange(list.Where(u => u.ReceivedAt < cutoff));
            _heldCount -= list.RemoveAll(u => u.ReceivedAt < cutoff);
            if (list.Count == 0)
            {
                _held.Remove(venueId);
            }
        }

        return expired.ToImmutable();
    }

    private static IOrderEvent NormalizeFill(OrderState order, IOrderEvent orderEvent) => orderEvent switch
    {
        OrderPartiallyFilled f when order.FilledQuantity + f.Quantity == order.Quantity && !order.SeenFillIds.Contains(f.FillId) =>
            new OrderFilled(f.Login, f.ClientOrderId, f.Timestamp, f.VenueOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity),
        OrderFilled f when order.FilledQuantity + f.Quantity < order.Quantity && !order.SeenFillIds.Contains(f.FillId) =>
            new OrderPartiallyFilled(f.Login, f.ClientOrderId, f.Timestamp, f.VenueOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity),
        _ => orderEvent,
    };
}
