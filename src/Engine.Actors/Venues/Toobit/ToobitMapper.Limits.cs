using System.Collections.Immutable;
using Engine.Actors.Budget;
using W = Engine.Actors.Venues.Toobit.ToobitWire;

namespace Engine.Actors.Venues.Toobit;

public static partial class ToobitMapper
{
    /// <summary>
    /// The budget windows of <c>exchangeInfo.rateLimits</c> (reference §2, §10.8): <c>REQUEST_WEIGHT</c> counts weight,
    /// <c>ORDERS</c> counts order placements, each over its <c>intervalUnit × interval</c>; other types are not budgeted.
    /// Ordered by name then period so two readings of the same limits compare equal.
    /// </summary>
    public static ImmutableArray<RateWindowSpec> ToWindows(ImmutableArray<W.RateLimit> limits) =>
        [.. limits
            .Select(l => l.Type switch
            {
                "REQUEST_WEIGHT" => new RateWindowSpec("REQUEST_WEIGHT", RateUnit.Weight, l.Limit, l.Window),
                "ORDERS" => new RateWindowSpec("ORDERS", RateUnit.Orders, l.Limit, l.Window),
                _ => null,
            })
            .OfType<RateWindowSpec>()
            .Distinct()
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ThenBy(w => w.Period)];
}
