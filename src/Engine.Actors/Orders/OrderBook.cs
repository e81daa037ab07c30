using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// All orders of one login, by client order id and by venue order id, external ones included. Pure (no clock, no
/// I/O) but mutable: owned by one actor and not thread-safe. Venue reports for a venue id that no place reply has
/// revealed yet are held (huobi_future and ftx push before they reply) and released by <see cref="TakeHeld"/> once
/// the id is known, by a reply, by attribution to an order whose reply was lost (<see cref="OrderAttribution"/>), or
/// at expiry, when they are attributed or become external; they are never dropped. A fill id counts once per venue order, and once per
/// symbol and side of the login: venues number trades per symbol (Binance), and a trade between two orders of the login (a
/// self-trade) fills the buy and the sell under one id, while one trade on one side of one symbol is one fill, whichever
/// order a report binds it to.
/// </summary>
public sealed class OrderBook
{
    private readonly Dictionary<ClientOrderId, OrderState> _orders = [];
    private readonly Dictionary<VenueOrderId, ClientOrderId> _byVenueId = [];
    private readonly Dictionary<VenueOrderId, List<VenueOrderUpdate>> _held = [];
    private readonly HashSet<(Symbol Symbol, OrderSide Side, FillId FillId)> _fillIds = [];
    private readonly HashSet<(VenueOrderId VenueOrderId, FillId FillId)> _venueFillIds = [];
    private readonly Dictionary<ClientOrderId, long> _arrival = [];
    private readonly HashSet<ClientOrderId> _withoutVenueId = [];

    // The orders of _withoutVenueId whose reply will not come (Unknown, PendingCancel): the only ones an inference may
    // choose. Kept so that a book without any answers "nothing to infer" at once instead of matching every held report
    // against every order in flight (quadratic in the orders in flight, on every report and every reply).
    private readonly HashSet<ClientOrderId> _replyNotComing = [];
    private long _nextArrival;
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

    /// <summary>The engine's own orders whose venue id is not known yet (awaiting their reply, or Unknown).</summary>
    public IEnumerable<OrderState> WithoutVenueId => _withoutVenueId.Select(c => _orders[c]);

    /// <summary>The order's position in the book's history (journal order); orders recorded at the same time stay ordered.</summary>
    public long ArrivalOf(ClientOrderId clientOrderId) => _arrival.GetValueOrDefault(clientOrderId, long.MaxValue);

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

        switch (orderEvent)
        {
            case OrderSubmitted submitted:
                return _orders.TryGetValue(submitted.ClientOrderId, out var existing)
                    ? new OrderBookDecision(submitted, existing.Apply(submitted))
                    : new OrderBookDecision(submitted, new OrderApplyResult(OrderState.Create(submitted), TransitionOutcome.Applied, null));
            case ExternalOrderReported reported when !_orders.ContainsKey(reported.ClientOrderId):
                return _byVenueId.TryGetValue(reported.VenueOrderId, out var owner)
                    ? new OrderBookDecision(reported, new OrderApplyResult(_orders[owner], TransitionOutcome.Ignored, $"venue order {reported.VenueOrderId} is order {owner}"))
                    : new OrderBookDecision(reported, new OrderApplyResult(OrderState.Create(reported), TransitionOutcome.Applied, null));
            case SessionStarted or SessionEnded or VenueBalanceReconciled or ExternalBalanceAdjusted:
                return new OrderBookDecision(orderEvent, null) { IsBookLevel = true };
            case OrderFillInferred or OrderVanished when _orders.ContainsKey(orderEvent.ClientOrderId):
                // Explanations journaled before the fill or reconciliation they explain; they change no order themselves.
                return new OrderBookDecision(orderEvent, null) { IsBookLevel = true };
            case VenueProtocolViolation when !_orders.ContainsKey(orderEvent.ClientOrderId):
                return new OrderBookDecision(orderEvent, null) { IsBookLevel = true };
            case VenueOrderIdInferred inferred when _byVenueId.TryGetValue(inferred.VenueOrderId, out var holder) && holder != inferred.ClientOrderId:
                // An inference never gives a venue id that already names an order to a second one.
                return new OrderBookDecision(inferred, new OrderApplyResult(_orders[holder], TransitionOutcome.Ignored, $"venue order {inferred.VenueOrderId} is order {holder}"));
        }

        if (!_orders.TryGetValue(orderEvent.ClientOrderId, out var order))
        {
            return new OrderBookDecision(orderEvent, null);
        }

        var normalized = NormalizeFill(order, orderEvent);
        if (FillIdOf(normalized) is { } fillId && !order.SeenFillIds.Contains(fillId)
            && (_fillIds.Contains((order.Symbol, order.Side, fillId)) || (order.VenueOrderId is { } venueId && _venueFillIds.Contains((venueId, fillId)))))
        {
            return new OrderBookDecision(normalized, new OrderApplyResult(order, TransitionOutcome.Ignored, $"fill {fillId} is already counted on another order of {Login}"));
        }

        return new OrderBookDecision(normalized, order.Apply(normalized));
    }

    /// <summary>
    /// Decides and, when applied, stores the result and indexes the venue id and fill ids. Used after a persist and
    /// during recovery; replaying the same events rebuilds the same book.
    /// </summary>
    public OrderBookDecision Apply(IOrderEvent orderEvent)
    {
        var decision = Decide(orderEvent);
        if (decision.ShouldPersist && decision.Result is { State: var state })
        {
            Store(state);
        }

        return decision;
    }

    /// <summary>
    /// Replaces every order with <paramref name="orders"/> (a snapshot) and re-indexes their venue ids and fill ids; held
    /// reports are dropped. Replaying the events after the snapshot then rebuilds the same book as a full replay.
    /// </summary>
    public void Restore(IEnumerable<OrderState> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _orders.Clear();
        _byVenueId.Clear();
        _fillIds.Clear();
        _venueFillIds.Clear();
        _arrival.Clear();
        _withoutVenueId.Clear();
        _replyNotComing.Clear();
        _nextArrival = 0;
        _held.Clear();
        _heldCount = 0;
        foreach (var state in orders.Where(o => o.Login == Login))
        {
            Store(state);
        }
    }

    /// <summary>
    /// Turns a venue report into the events to record, or holds it and returns the events that may let it go:
    /// - its venue id is known, or it names a client order id of this book whose order has no venue id yet (or the
    ///   same one): the bound event, checked against the order (<see cref="ReportCheck"/>: a contradiction becomes a
    ///   <see cref="VenueProtocolViolation"/>; a fill of an external order becomes an <see cref="ExternalFillReported"/>);
    /// - otherwise it is held, and when an order whose reply will not come (Unknown) matches its terms
    ///   (<see cref="OrderAttribution"/>), the <see cref="VenueOrderIdInferred"/> that teaches that order the id is
    ///   returned: applying it releases the held reports (<see cref="TakeHeld"/>);
    /// - otherwise nothing: the report waits for the place reply, and at the latest for <see cref="ExpiredHeld"/>.
    /// </summary>
    public ImmutableArray<IOrderEvent> BindOrHold(VenueOrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (_byVenueId.TryGetValue(update.VenueOrderId, out var cid))
        {
            return [Route(_orders[cid], update)];
        }

        if (update.ClientOrderId is { } named
            && _orders.TryGetValue(named, out var order)
            && (order.VenueOrderId is null || order.VenueOrderId == update.VenueOrderId))
        {
            return [Route(order, update)];
        }

        Hold(update);
        return InferNow(update) is { } choice ? [Inferred(choice, update)] : [];
    }

    /// <summary>
    /// The held reports for <paramref name="venueOrderId"/>, bound to <paramref name="clientOrderId"/> and checked as
    /// <see cref="BindOrHold"/> does, in arrival order, and forgets them. Call it when a place reply, an inference or
    /// reconciliation reveals the venue id.
    /// </summary>
    public ImmutableArray<IOrderEvent> TakeHeld(VenueOrderId venueOrderId, ClientOrderId clientOrderId)
    {
        if (!_held.Remove(venueOrderId, out var list))
        {
            return [];
        }

        _heldCount -= list.Count;
        return _orders.TryGetValue(clientOrderId, out var order)
            ? [.. list.Select(u => Route(order, u))]
            : [.. list.Select(u => u.Bind(clientOrderId))];
    }

    /// <summary>
    /// Held reports are never dropped: for every venue id whose first held report arrived before
    /// <paramref name="cutoff"/>, in arrival order, the events that account for them. An order whose terms match
    /// (<see cref="OrderAttribution"/>, now including orders still awaiting their reply) adopts the id
    /// (<see cref="VenueOrderIdInferred"/>, which releases the reports when applied); when none matches, the reports
    /// become an external order and its fills (<see cref="Externalize"/>). Call <see cref="ReleaseExpired"/> once per
    /// returned id, applying each result before the next.
    /// </summary>
    public ImmutableArray<VenueOrderId> ExpiredHeld(DateTimeOffset cutoff) =>
        [.. _held.Where(p => p.Value[0].ReceivedAt < cutoff).OrderBy(p => p.Value[0].ReceivedAt).Select(p => p.Key)];

    /// <summary>What accounts for the held reports of <paramref name="venueOrderId"/> (see <see cref="ExpiredHeld"/>).</summary>
    public ImmutableArray<IOrderEvent> ReleaseExpired(VenueOrderId venueOrderId, DateTimeOffset now)
    {
        if (!_held.TryGetValue(venueOrderId, out var list))
        {
            return [];
        }

        if (_byVenueId.TryGetValue(venueOrderId, out var known))
        {
            return TakeHeld(venueOrderId, known);
        }

        return OrderAttribution.Choose(this, list[0], includeAwaitingReply: true) is { } choice
            ? [Inferred(choice, list[0])]
            : Externalize(venueOrderId, now, "held report matched no order of the book");
    }

    /// <summary>
    /// After an order became Unknown or learned its venue id (either can make a held report attributable: its reply will not
    /// come, or an older order with the same terms is no longer a candidate), the first inference now possible for the held
    /// reports, in arrival order; null when none is. Apply it and ask again.
    /// </summary>
    public IOrderEvent? RetryHeld()
    {
        if (_replyNotComing.Count == 0)
        {
            return null;
        }

        foreach (var (venueId, list) in _held.OrderBy(p => p.Value[0].ReceivedAt))
        {
            if (!_byVenueId.ContainsKey(venueId) && InferNow(list[0]) is { } choice)
            {
                return Inferred(choice, list[0]);
            }
        }

        return null;
    }

    /// <summary>
    /// The held reports of <paramref name="venueOrderId"/> as an external order (<see cref="ExternalOrderReported"/>,
    /// first) followed by its reports bound to it, fills as <see cref="ExternalFillReported"/>; forgets them.
    /// </summary>
    public ImmutableArray<IOrderEvent> Externalize(VenueOrderId venueOrderId, DateTimeOffset now, string reason)
    {
        if (!_held.Remove(venueOrderId, out var list))
        {
            return [];
        }

        _heldCount -= list.Count;
        var cid = ExternalOrderId.Of(venueOrderId);
        var first = list[0];
        var bound = first.Bind(cid);
        var terms = first.Terms;
        var fill = FillOf(bound);
        var quantity = terms?.Quantity ?? fill?.Quantity ?? 0m;
        var status = fill is not null ? OrderStatus.Accepted : StatusOf(bound);
        var symbol = terms?.Symbol ?? new Symbol("?");
        var side = terms?.Side ?? OrderSide.Buy;
        var events = ImmutableArray.CreateBuilder<IOrderEvent>();
        events.Add(new ExternalOrderReported(Login, cid, now, venueOrderId, symbol, side, terms?.Type, quantity, terms?.Price, status, reason));
        var external = OrderState.Create((ExternalOrderReported)events[0]);
        events.AddRange(list.Select((u, i) => i == 0 && fill is null ? null : Route(external, u)).OfType<IOrderEvent>());
        return events.ToImmutable();
    }

    /// <summary>The reports held for venue ids not known yet, in arrival order.</summary>
    public IEnumerable<VenueOrderUpdate> Held => _held.Values.SelectMany(l => l).OrderBy(u => u.ReceivedAt);

    /// <summary>
    /// The attribution to make before the hold expires: only to an order whose reply will not come (Unknown, or
    /// PendingCancel without an id), and only when no older order still awaiting its reply has the same terms (the report
    /// is then more likely that one's, and its reply will say so).
    /// </summary>
    private AttributionChoice? InferNow(VenueOrderUpdate update) =>
        _replyNotComing.Count > 0
        && OrderAttribution.Choose(this, update, includeAwaitingReply: true) is { Order.Status: not OrderStatus.Submitted } choice
            ? choice
            : null;

    private void Hold(VenueOrderUpdate update)
    {
        if (!_held.TryGetValue(update.VenueOrderId, out var list))
        {
            list = [];
            _held[update.VenueOrderId] = list;
        }

        list.Add(update);
        _heldCount++;
    }

    private void Store(OrderState state)
    {
        _orders[state.ClientOrderId] = state;
        _arrival.TryAdd(state.ClientOrderId, _nextArrival++);
        if (state.VenueOrderId is null && !state.IsExternal)
        {
            _withoutVenueId.Add(state.ClientOrderId);
            if (state.Status is OrderStatus.Unknown or OrderStatus.PendingCancel)
            {
                _replyNotComing.Add(state.ClientOrderId);
            }
            else
            {
                _replyNotComing.Remove(state.ClientOrderId);
            }
        }
        else
        {
            _withoutVenueId.Remove(state.ClientOrderId);
            _replyNotComing.Remove(state.ClientOrderId);
        }

        if (state.VenueOrderId is { } venueId)
        {
            _byVenueId[venueId] = state.ClientOrderId;
        }

        foreach (var fillId in state.SeenFillIds)
        {
            _fillIds.Add((state.Symbol, state.Side, fillId));
            if (state.VenueOrderId is { } venueOrderId)
            {
                _venueFillIds.Add((venueOrderId, fillId));
            }
        }
    }

    /// <summary>The bound report for <paramref name="order"/>: checked, and a fill of an external order re-typed.</summary>
    private IOrderEvent Route(OrderState order, VenueOrderUpdate update)
    {
        var bound = update.Bind(order.ClientOrderId);
        if (order.IsExternal)
        {
            return bound switch
            {
                OrderPartiallyFilled or OrderFilled when FillOf(bound) is { } f => new ExternalFillReported(
                    Login, order.ClientOrderId, bound.Timestamp, order.VenueOrderId ?? update.VenueOrderId, f.FillId, order.Symbol, order.Side,
                    f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity, "fill of an external order"),
                _ => bound,
            };
        }

        return ReportCheck.Contradiction(order, bound, update.Terms) is { } why
            ? new VenueProtocolViolation(Login, order.ClientOrderId, bound.Timestamp, update.VenueOrderId, bound.GetType().Name, why, update.RawFrame.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(update.RawFrame.Span))
            : bound;
    }

    private VenueOrderIdInferred Inferred(AttributionChoice choice, VenueOrderUpdate update) =>
        new(Login, choice.Order.ClientOrderId, update.ReceivedAt, update.VenueOrderId, choice.Reason, choice.Candidates);

    private static OrderStatus StatusOf(IOrderEvent report) => report switch
    {
        OrderCanceled => OrderStatus.Canceled,
        OrderExpired => OrderStatus.Expired,
        OrderRejected => OrderStatus.Rejected,
        OrderStatusReported r => r.Status,
        _ => OrderStatus.Accepted,
    };

    private static FillId? FillIdOf(IOrderEvent orderEvent) => FillOf(orderEvent)?.FillId;

    private static (FillId FillId, decimal Price, decimal Quantity, decimal? Fee, string? FeeAsset, Liquidity Liquidity)? FillOf(IOrderEvent orderEvent) => orderEvent switch
    {
        OrderPartiallyFilled f => (f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity),
        OrderFilled f => (f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity),
        ExternalFillReported f => (f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity),
        _ => null,
    };

    private static IOrderEvent NormalizeFill(OrderState order, IOrderEvent orderEvent) => orderEvent switch
    {
        OrderPartiallyFilled f when order.FilledQuantity + f.Quantity == order.Quantity && !order.SeenFillIds.Contains(f.FillId) =>
            new OrderFilled(f.Login, f.ClientOrderId, f.Timestamp, f.VenueOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity),
        OrderFilled f when order.FilledQuantity + f.Quantity < order.Quantity && !order.SeenFillIds.Contains(f.FillId) =>
            new OrderPartiallyFilled(f.Login, f.ClientOrderId, f.Timestamp, f.VenueOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset, f.Liquidity),
        _ => orderEvent,
    };
}
