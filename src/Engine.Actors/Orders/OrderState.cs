using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// One order as the engine knows it. Immutable; <see cref="Apply"/> is pure and returns a new state.
/// Invariants: <see cref="FilledQuantity"/> is the sum of distinct fills and never exceeds
/// <see cref="Quantity"/>; every fill id is counted once; the status only moves through
/// <see cref="OrderLifecycle.Transition"/>.
/// </summary>
public sealed record OrderState
{
    /// <summary>The login that owns the order.</summary>
    public required LoginId Login { get; init; }

    /// <summary>The engine's id of the order.</summary>
    public required ClientOrderId ClientOrderId { get; init; }

    /// <summary>The venue's id, once revealed by the place reply or a report.</summary>
    public VenueOrderId? VenueOrderId { get; init; }

    /// <summary>The instrument.</summary>
    public required Symbol Symbol { get; init; }

    /// <summary>Buy or sell.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Limit, market or limit-maker.</summary>
    public required OrderType Type { get; init; }

    /// <summary>How long the order stays working.</summary>
    public TimeInForce TimeInForce { get; init; }

    /// <summary>Futures open/close intent (kept locally: some venues' reports drop it).</summary>
    public OffsetFlag Offset { get; init; }

    /// <summary>Ordered quantity.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Limit price; null for market orders.</summary>
    public decimal? Price { get; init; }

    /// <summary>Current status.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>Sum of the distinct fills received.</summary>
    public decimal FilledQuantity { get; init; }

    /// <summary>Volume-weighted price of the fills received; 0 before the first fill.</summary>
    public decimal AveragePrice { get; init; }

    /// <summary>Largest cumulative filled quantity the venue has reported in status reports (fills may lag).</summary>
    public decimal VenueFilledQuantity { get; init; }

    /// <summary>Fees paid, per fee asset, where the venue reports them.</summary>
    public ImmutableDictionary<string, decimal> Fees { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Fill ids already counted.</summary>
    public ImmutableHashSet<FillId> SeenFillIds { get; init; } = [];

    /// <summary>The last venue order update applied, for de-duplication.</summary>
    public NotificationKey? LastNotification { get; init; }

    /// <summary>Timestamp of the first event.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Timestamp of the last applied event.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// True for an order the engine did not place, or could not attribute a venue report to (<see cref="ExternalOrderReported"/>):
    /// kept so later reports about it bind, and its fills count in positions, but never matched by attribution.
    /// </summary>
    public bool IsExternal { get; init; }

    /// <summary>Quantity not yet filled.</summary>
    public decimal RemainingQuantity => Quantity - FilledQuantity;

    /// <summary>The order recorded by <paramref name="submitted"/>, in status Submitted.</summary>
    public static OrderState Create(OrderSubmitted submitted) => new()
    {
        Login = submitted.Login,
        ClientOrderId = submitted.ClientOrderId,
        Symbol = submitted.Symbol,
        Side = submitted.Side,
        Type = submitted.Type,
        TimeInForce = submitted.TimeInForce,
        Offset = submitted.Offset,
        Quantity = submitted.Quantity,
        Price = submitted.Price,
        Status = OrderLifecycle.Transition(OrderStatus.PendingSubmit, OrderEventKind.Submitted).Next,
        CreatedAt = submitted.Timestamp,
        UpdatedAt = submitted.Timestamp,
    };

    /// <summary>The external order recorded by <paramref name="reported"/>.</summary>
    public static OrderState Create(ExternalOrderReported reported) => new()
    {
        Login = reported.Login,
        ClientOrderId = reported.ClientOrderId,
        VenueOrderId = reported.VenueOrderId,
        Symbol = reported.Symbol,
        Side = reported.Side,
        Type = reported.Type ?? OrderType.Limit,
        Quantity = reported.Quantity,
        Price = reported.Price,
        Status = reported.Status,
        IsExternal = true,
        CreatedAt = reported.Timestamp,
        UpdatedAt = reported.Timestamp,
    };

    /// <summary>
    /// Applies one event through the lifecycle table. Never throws: duplicates (fill id, or the same
    /// (venue order id, status, remaining)) and stale reports are ignored; fills beyond the quantity,
    /// events of another order and forbidden pairs are invalid. A new fill is always counted when the
    /// table allows it, even if the status does not change (Canceled + late fill).
    /// </summary>
    public OrderApplyResult Apply(IOrderEvent orderEvent)
    {
        if (orderEvent.ClientOrderId != ClientOrderId || orderEvent.Login != Login)
        {
            return Invalid($"event for {orderEvent.Login}/{orderEvent.ClientOrderId} applied to {Login}/{ClientOrderId}");
        }

        return orderEvent switch
        {
            VenueOrderIdInferred inferred => ApplyInferred(inferred),
            VenueProtocolViolation v => new OrderApplyResult(this with { UpdatedAt = v.Timestamp }, TransitionOutcome.Applied, null),
            ExternalFillReported f => ApplyExternalFill(f),
            ExternalOrderReported => Ignored($"external order {VenueOrderId} is already known"),
            OrderPartiallyFilled f => ApplyFill(f.Timestamp, f.VenueOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset),
            OrderFilled f => ApplyFill(f.Timestamp, f.VenueOrderId, f.FillId, f.Price, f.Quantity, f.Fee, f.FeeAsset),
            _ => ApplyStatus(orderEvent),
        };
    }

    /// <summary>True when a fill of <paramref name="quantity"/> would complete the order.</summary>
    public bool WouldComplete(decimal quantity) => FilledQuantity + quantity >= Quantity;

    private OrderApplyResult ApplyInferred(VenueOrderIdInferred inferred)
    {
        if (VenueOrderId == inferred.VenueOrderId)
        {
            return Ignored($"the order already has venue id {inferred.VenueOrderId}");
        }

        if (VenueOrderId is { } known)
        {
            return Invalid($"venue id {inferred.VenueOrderId} inferred for an order whose venue id is {known}");
        }

        return new OrderApplyResult(this with { VenueOrderId = inferred.VenueOrderId, UpdatedAt = inferred.Timestamp }, TransitionOutcome.Applied, null);
    }

    /// <summary>
    /// A fill of an external order: counted once by fill id; the order's quantity grows with its fills when the venue
    /// never said how large it was, and the order is Filled once its fills cover it.
    /// </summary>
    private OrderApplyResult ApplyExternalFill(ExternalFillReported f)
    {
        if (!IsExternal)
        {
            return Invalid($"external fill {f.FillId} applied to order {ClientOrderId}, which is not external");
        }

        if (SeenFillIds.Contains(f.FillId))
        {
            return Ignored($"duplicate fill {f.FillId}");
        }

        if (f.Quantity <= 0m || f.Price < 0m)
        {
            return Invalid($"fill {f.FillId} has quantity {f.Quantity} and price {f.Price}; quantity must be positive and price not negative");
        }

        var filled = FilledQuantity + f.Quantity;
        var quantity = Math.Max(Quantity, filled);
        var fees = f.Fee is { } paid && f.FeeAsset is { } asset ? Fees.SetItem(asset, Fees.GetValueOrDefault(asset) + paid) : Fees;
        var next = this with
        {
            Quantity = quantity,
            FilledQuantity = filled,
            AveragePrice = ((AveragePrice * FilledQuantity) + (f.Price * f.Quantity)) / filled,
            VenueFilledQuantity = Math.Max(VenueFilledQuantity, filled),
            Fees = fees,
            SeenFillIds = SeenFillIds.Add(f.FillId),
            Status = filled >= quantity ? OrderStatus.Filled : Status,
            UpdatedAt = f.Timestamp,
        };
        return new OrderApplyResult(next, TransitionOutcome.Applied, null);
    }

    private OrderApplyResult ApplyFill(
        DateTimeOffset at, VenueOrderId venueOrderId, FillId fillId, decimal price, decimal quantity, decimal? fee, string? feeAsset)
    {
        if (SeenFillIds.Contains(fillId))
        {
            return Ignored($"duplicate fill {fillId}");
        }

        if (quantity <= 0m || price < 0m)
        {
            return Invalid($"fill {fillId} has quantity {quantity} and price {price}; quantity must be positive and price not negative");
        }

        var filled = FilledQuantity + quantity;
        if (filled > Quantity)
        {
            return Invalid($"fill {fillId} of {quantity} would make the filled quantity {filled} exceed the order quantity {Quantity}");
        }

        if (VenueOrderId is { } known && known != venueOrderId)
        {
            return Invalid($"fill {fillId} is for venue order {venueOrderId} but the order is {known}");
        }

        var kind = filled == Quantity ? OrderEventKind.Filled : OrderEventKind.PartiallyFilled;
        var step = OrderLifecycle.Transition(Status, kind);
        if (step.Outcome == TransitionOutcome.Invalid)
        {
            return Invalid(step.Reason);
        }

        var fees = Fees;
        if (fee is { } paid && feeAsset is not null)
        {
            fees = fees.SetItem(feeAsset, fees.GetValueOrDefault(feeAsset) + paid);
        }

        // A new fill is a fact even when the status stays (late fill after Canceled): count it.
        var next = this with
        {
            VenueOrderId = venueOrderId,
            FilledQuantity = filled,
            AveragePrice = ((AveragePrice * FilledQuantity) + (price * quantity)) / filled,
            VenueFilledQuantity = Math.Max(VenueFilledQuantity, filled),
            Fees = fees,
            SeenFillIds = SeenFillIds.Add(fillId),
            Status = step.Outcome == TransitionOutcome.Applied ? step.Next : Status,
            UpdatedAt = at,
        };
        return new OrderApplyResult(next, TransitionOutcome.Applied, null);
    }

    private OrderApplyResult ApplyStatus(IOrderEvent orderEvent)
    {
        if (OrderEventKinds.Of(orderEvent) is not { } kind)
        {
            return Invalid($"{orderEvent.GetType().Name} does not carry a venue status");
        }

        var (venueId, key, venueFilled) = orderEvent switch
        {
            OrderAccepted a => (a.VenueOrderId, KeyOf(a.VenueOrderId, OrderStatus.Accepted, a.Remaining), (decimal?)null),
            OrderCanceled c => (c.VenueOrderId, KeyOf(c.VenueOrderId, OrderStatus.Canceled, c.Remaining), null),
            OrderExpired x => (x.VenueOrderId, KeyOf(x.VenueOrderId, OrderStatus.Expired, x.Remaining), null),
            OrderStatusReported r => (r.VenueOrderId, KeyOf(r.VenueOrderId, r.Status, r.Remaining), r.Quantity - r.Remaining),
            OrderReconciled r => (r.VenueOrderId, null, r.FilledQuantity),
            _ => ((VenueOrderId?)null, (NotificationKey?)null, (decimal?)null),
        };

        if (key is { } k && LastNotification == k)
        {
            return Ignored($"duplicate update ({k.VenueOrderId}, {k.Status}, {k.Remaining})");
        }

        if (venueId is { } id && VenueOrderId is { } known && known != id)
        {
            return Invalid($"{orderEvent.GetType().Name} names venue order {id} but the order is {known}");
        }

        if (kind == OrderEventKind.Submitted)
        {
            return Invalid(OrderLifecycle.Transition(Status, kind).Reason);
        }

        var step = OrderLifecycle.Transition(Status, kind);
        if (step.Outcome != TransitionOutcome.Applied)
        {
            return step.Outcome == TransitionOutcome.Invalid ? Invalid(step.Reason) : Ignored(step.Reason);
        }

        var status = step.Next;
        // A working order that has fills is PartiallyFilled, whatever "open" report brought it back.
        if (status == OrderStatus.Accepted && FilledQuantity > 0m)
        {
            status = OrderStatus.PartiallyFilled;
        }

        var next = this with
        {
            Status = status,
            VenueOrderId = venueId ?? VenueOrderId,
            VenueFilledQuantity = venueFilled is { } vf ? Math.Max(VenueFilledQuantity, vf) : VenueFilledQuantity,
            LastNotification = key ?? LastNotification,
            UpdatedAt = orderEvent.Timestamp,
        };
        return new OrderApplyResult(next, TransitionOutcome.Applied, null);
    }

    private static NotificationKey? KeyOf(VenueOrderId? id, OrderStatus status, decimal? remaining) =>
        id is { } v && remaining is { } r ? new NotificationKey(v, status, r) : null;

    private static NotificationKey? KeyOf(VenueOrderId id, OrderStatus status, decimal? remaining) =>
        remaining is { } r ? new NotificationKey(id, status, r) : null;

    private OrderApplyResult Ignored(string? reason) => new(this, TransitionOutcome.Ignored, reason);

    private OrderApplyResult Invalid(string? reason) => new(this, TransitionOutcome.Invalid, reason);
}
