using Engine.Actors.Audit;
using Engine.Messages.Orders;
using Engine.Simulator.Hosting;

namespace Engine.Bench.Soak;

/// <summary>
/// The journal (as the audit reads it) against the venue's truth (<c>/_control/state</c>): fills the venue made that
/// the journal lacks, fills the journal counts more than once or that the venue never made, the difference of the net
/// positions, orders still open after the drain (at the venue, or open/unknown in the engine), the audit's violations,
/// and external orders (every order of the soak is the engine's own, so any external one is a report mis-attributed).
/// </summary>
internal sealed record SoakTally(int FillsLost, int FillsDoubled, int PhantomFills, decimal PositionError, int OrphansAfterDrain, int AuditViolations, int ExternalOrders)
{
    public static SoakTally Of(AuditReport report, AccountTruth truth, string symbol, int engineLeftovers)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(truth);
        var journal = report.Fills.Concat(report.ExternalFills).ToList();
        var journalIds = journal.Select(f => f.FillId.Value).ToList();
        var venueIds = truth.Fills.Select(f => f.FillId).ToHashSet(StringComparer.Ordinal);
        var journaled = journalIds.ToHashSet(StringComparer.Ordinal);
        var lost = venueIds.Count(id => !journaled.Contains(id));
        var doubled = journalIds.Count - journaled.Count;
        var phantom = journaled.Count(id => !venueIds.Contains(id));
        var position = journal.Sum(f => f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity);
        var error = Math.Abs(truth.NetPosition.GetValueOrDefault(symbol) - position);
        return new SoakTally(lost, doubled, phantom, error, truth.OpenOrders + engineLeftovers, report.Violations.Length, report.ExternalOrders.Length);
    }
}
