using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Faults;

/// <summary>
/// One armed fault. JSON (control API): <c>{"kind":"drop_reply","op":"place_order","count":1}</c>; with a probability,
/// <c>{"kind":"drop_reply","op":"place_order","count":0,"probability":0.05,"seed":7}</c> loses about 5% of place replies, the
/// same ones for the same seed and the same sequence of requests.
/// </summary>
public sealed record FaultRule
{
    /// <summary>What goes wrong.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>
    /// Request op (or notification topic for <see cref="FaultKind.DuplicateNotification"/>, or the symbol for the
    /// market-data faults such as <see cref="FaultKind.DropDiff"/>) it applies to; null = any.
    /// </summary>
    public string? Op { get; init; }

    /// <summary>How many times it fires; 0 or less = until cleared.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Delay for <see cref="FaultKind.DelayReply"/> (or the silence of <see cref="FaultKind.StallStream"/>), in milliseconds.</summary>
    [Range(0, 600_000)]
    public int DelayMs { get; init; }

    /// <summary>
    /// The chance, from 0 to 1, that a matching request or notification triggers the fault; 1 (the default) always. A
    /// miss consumes nothing from <see cref="Count"/>. Draws come from the plan's seeded random (see <see cref="Seed"/>).
    /// </summary>
    [Range(0d, 1d)]
    public double Probability { get; init; } = 1d;

    /// <summary>When set, the plan's random draws restart from this seed as the rule is armed, so a run is reproducible.</summary>
    public int? Seed { get; init; }

    /// <summary>Error text for <see cref="FaultKind.RejectOrders"/>; null = the venue's default.</summary>
    public string? Message { get; init; }
}
