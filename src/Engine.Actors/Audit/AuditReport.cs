using System.Collections.Immutable;
using Engine.Messages.Orders;

namespace Engine.Actors.Audit;

/// <summary>The result of <see cref="OrderAudit.Run"/>. Immutable. <see cref="IsClean"/> is false when any invariant broke.</summary>
/// <param name="Orders">Orders in the window, by login then creation order.</param>
/// <param name="Fills">Distinct fills of those orders, in journal order.</param>
/// <param name="Violations">Broken invariants, in journal order.</param>
/// <param name="Positions">Position per login and symbol from all fills replayed.</param>
/// <param name="EventsRead">Events replayed.</param>
public sealed record AuditReport(
    ImmutableArray<AuditedOrder> Orders,
    ImmutableArray<AuditedFill> Fills,
    ImmutableArray<AuditViolation> Violations,
    ImmutableArray<AuditPosition> Positions,
    int EventsRead)
{
    /// <summary>External orders (reported by the venue, attributable to no order of the engine), by login then first report.</summary>
    public ImmutableArray<AuditedOrder> ExternalOrders { get; init; } = [];

    /// <summary>Distinct fills of external orders, in journal order; counted in <see cref="Positions"/>.</summary>
    public ImmutableArray<AuditedFill> ExternalFills { get; init; } = [];

    /// <summary>Every session of every login, in journal order per login.</summary>
    public ImmutableArray<AuditSession> Sessions { get; init; } = [];

    /// <summary>Venue reports rejected as contradictory, per login in journal order (the venue's fault, listed, not a broken invariant).</summary>
    public ImmutableArray<AuditProtocolViolation> ProtocolViolations { get; init; } = [];

    /// <summary>Orders whose venue id was inferred from a venue report (their timeline says from what).</summary>
    public int InferredVenueIds { get; init; }

    /// <summary>Invariant (c) per login and asset where the journal holds a balance the venue reported; a failed one is also a violation.</summary>
    public ImmutableArray<AuditBalanceCheck> BalanceChecks { get; init; } = [];

    /// <summary>Fills inferred from the venue's balance for orders that vanished while the engine did not listen.</summary>
    public int InferredFills { get; init; }

    /// <summary>True when no invariant broke.</summary>
    public bool IsClean => Violations.IsEmpty;

    /// <summary>Order count per final status.</summary>
    public ImmutableSortedDictionary<OrderStatus, int> OrdersByStatus =>
        Orders.GroupBy(o => o.Final.Status).ToImmutableSortedDictionary(g => g.Key, g => g.Count());

    /// <summary>Filled quantity per symbol.</summary>
    public ImmutableSortedDictionary<string, decimal> VolumeBySymbol =>
        Fills.GroupBy(f => f.Symbol.Value, StringComparer.Ordinal).ToImmutableSortedDictionary(g => g.Key, g => g.Sum(f => f.Quantity), StringComparer.Ordinal);

    /// <summary>Fees per fee asset, where the venue reported them.</summary>
    public ImmutableSortedDictionary<string, decimal> FeesByAsset =>
        Fills.Where(f => f.Fee is not null && f.FeeAsset is not null)
            .GroupBy(f => f.FeeAsset!, StringComparer.Ordinal)
            .ToImmutableSortedDictionary(g => g.Key, g => g.Sum(f => f.Fee!.Value), StringComparer.Ordinal);
}
