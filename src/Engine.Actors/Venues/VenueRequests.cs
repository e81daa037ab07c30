using System.Collections.Immutable;
using Engine.Actors.Budget;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Venues;

/// <summary>
/// What the connection asks a venue to do, independent of any venue's wire format. Each case knows its
/// budget priority; the venue codec knows its operation name and weight.
/// </summary>
public abstract record VenueRequest
{
    /// <summary>Queue priority under a short budget.</summary>
    public abstract RequestPriority Priority { get; }

    /// <summary>True when the request counts in the budget's order windows (<see cref="RateUnit.Orders"/>).</summary>
    public virtual bool CountsAsOrder => false;
}

/// <summary>Place the order (already validated against the symbol's rules and recorded).</summary>
public sealed record PlaceOrderVenueRequest(SubmitOrder Order) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Order;

    /// <inheritdoc />
    public override bool CountsAsOrder => true;
}

/// <summary>
/// Place several orders (already validated and recorded) in one venue request (Toobit <c>batchOrders</c>); answered with a
/// <see cref="BatchPlacedReply"/> holding one answer per order, in order. Counts as one request of the order windows.
/// </summary>
public sealed record PlaceOrdersVenueRequest(ImmutableArray<SubmitOrder> Orders) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Order;

    /// <inheritdoc />
    public override bool CountsAsOrder => true;
}

/// <summary>Cancel these orders of one symbol; an empty list cancels every open order of the symbol.</summary>
public sealed record CancelOrdersVenueRequest(Symbol Symbol, ImmutableArray<VenueOrderId> VenueOrderIds) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Cancel;
}

/// <summary>List the open orders of one symbol.</summary>
public sealed record OpenOrdersVenueRequest(Symbol Symbol) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Query;
}

/// <summary>List the balances.</summary>
public sealed record BalancesVenueRequest : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Query;
}

/// <summary>Read the futures position of one symbol.</summary>
public sealed record PositionVenueRequest(Symbol Symbol) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Query;
}

/// <summary>Read the trading rules of one symbol.</summary>
public sealed record SymbolInfoVenueRequest(Symbol Symbol) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => RequestPriority.Query;
}
