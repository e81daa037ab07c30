using System.Collections.Immutable;
using Engine.Actors.Orders;

namespace Engine.Actors.Audit;

/// <summary>One order as the journal tells it: its final state and every event that touched it.</summary>
/// <param name="Final">The order after its last event.</param>
/// <param name="Timeline">Its events in journal order.</param>
public sealed record AuditedOrder(OrderState Final, ImmutableArray<AuditTimelineEntry> Timeline);
