namespace Engine.Actors.Budget;

/// <summary>Whether a request may go now; if not, what blocks it and when to try again.</summary>
/// <param name="Granted">True when the request was counted and may be sent.</param>
/// <param name="Blocker">The full window (<c>ORDERS 50/10s</c>), <c>paused (429)</c>, <c>banned (418)</c> or <c>queue</c>; null when granted.</param>
/// <param name="RetryAt">Earliest time the request can go; equals the evaluation time when granted.</param>
public readonly record struct BudgetDecision(bool Granted, string? Blocker, DateTimeOffset RetryAt);
