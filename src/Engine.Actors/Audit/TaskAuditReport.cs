using System.Collections.Immutable;

namespace Engine.Actors.Audit;

/// <summary>The task books' audit: command timelines, trade results and the violated invariants (none when clean).</summary>
public sealed record TaskAuditReport(int EventsRead, ImmutableArray<TaskCommandAudit> Commands, ImmutableArray<TradeResultAudit> Trades, ImmutableArray<TaskAuditViolation> Violations)
{
    /// <summary>True when no invariant is violated.</summary>
    public bool IsClean => Violations.IsEmpty;
}
