using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// What the book would do with an event, decided without changing the book, so an actor can persist
/// <see cref="Event"/> first and apply it afterwards.
/// </summary>
/// <param name="Event">The event to persist: the input, except that a fill is re-typed as
/// <see cref="OrderFilled"/> when it completes the order and as <see cref="OrderPartiallyFilled"/> otherwise.</param>
/// <param name="Result">The order after the event and the outcome; only <see cref="TransitionOutcome.Applied"/> is persisted.</param>
public sealed record OrderBookDecision(IOrderEvent Event, OrderApplyResult? Result)
{
    /// <summary>
    /// True for an event about the login's book rather than one order (<see cref="SessionEnded"/>, or a
    /// <see cref="VenueProtocolViolation"/> bound to no order): persisted as it is, changing no order.
    /// </summary>
    public bool IsBookLevel { get; init; }

    /// <summary>True when the event is a new fact that must be persisted and applied.</summary>
    public bool ShouldPersist => IsBookLevel || Result?.Outcome == TransitionOutcome.Applied;

    /// <summary>Why nothing changed; null when applied.</summary>
    public string? Reason => IsBookLevel ? null : Result is null ? $"no order {Event.ClientOrderId} in this book" : Result.Reason;
}
