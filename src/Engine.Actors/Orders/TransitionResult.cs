using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>One cell of the lifecycle table: the outcome, the status after the event and, unless applied, why.</summary>
/// <param name="Outcome">Applied, ignored or invalid.</param>
/// <param name="Next">Status after the event; equals the current status unless applied.</param>
/// <param name="Reason">Why the event was ignored or is invalid; null when applied.</param>
public readonly record struct TransitionResult(TransitionOutcome Outcome, OrderStatus Next, string? Reason)
{
    /// <summary>The event moves (or keeps) the order to <paramref name="next"/>.</summary>
    public static TransitionResult To(OrderStatus next) => new(TransitionOutcome.Applied, next, null);

    /// <summary>The event changes nothing, for a benign reason.</summary>
    public static TransitionResult Ignore(OrderStatus current, string reason) => new(TransitionOutcome.Ignored, current, reason);

    /// <summary>The event is not allowed in this status.</summary>
    public static TransitionResult Forbid(OrderStatus current, string reason) => new(TransitionOutcome.Invalid, current, reason);
}
