using System.ComponentModel.DataAnnotations;

namespace Engine.Simulator.Faults;

/// <summary>One armed fault. JSON (control API): <c>{"kind":"drop_reply","op":"place_order","count":1}</c>.</summary>
public sealed record FaultRule
{
    /// <summary>What goes wrong.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>Request op (or notification topic for <see cref="FaultKind.DuplicateNotification"/>) it applies to; null = any.</summary>
    public string? Op { get; init; }

    /// <summary>How many times it fires; 0 or less = until cleared.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Delay for <see cref="FaultKind.DelayReply"/>, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int DelayMs { get; init; }

    /// <summary>Error text for <see cref="FaultKind.RejectOrders"/>; null = the venue's default.</summary>
    public string? Message { get; init; }
}
