namespace Engine.Actors.Orders;

/// <summary>The order after an event, what happened and, unless applied, why.</summary>
/// <param name="State">The new state when applied; the unchanged state otherwise.</param>
/// <param name="Outcome">Applied, ignored (duplicate or stale) or invalid (report it).</param>
/// <param name="Reason">Why the event was ignored or is invalid; null when applied.</param>
public sealed record OrderApplyResult(OrderState State, TransitionOutcome Outcome, string? Reason);
