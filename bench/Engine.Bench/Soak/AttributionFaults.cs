using Engine.Simulator.Faults;

namespace Engine.Bench.Soak;

/// <summary>
/// The mixed faults of the attribution runs, shared by the soak and the attribution scenarios (linked into
/// Engine.Actors.Tests): lost place replies with a probability (seeded), fills sent before the place reply for 30 % of
/// the places, and 10 % of the fill and order notifications sent twice.
/// </summary>
internal static class AttributionFaults
{
    public static IReadOnlyList<FaultRule> Mix(double dropRate, int seed) =>
    [
        new FaultRule { Kind = FaultKind.DropReply, Op = "place_order", Count = 0, Probability = dropRate, Seed = seed },
        new FaultRule { Kind = FaultKind.FillsBeforeReply, Op = "place_order", Count = 0, Probability = 0.3 },
        new FaultRule { Kind = FaultKind.DuplicateNotification, Op = "fill", Count = 0, Probability = 0.1 },
        new FaultRule { Kind = FaultKind.DuplicateNotification, Op = "order", Count = 0, Probability = 0.1 },
    ];
}
