namespace Engine.Actors.Budget;

/// <summary>How much of one rate window is used. Immutable.</summary>
/// <param name="Window">The window's name (e.g. <c>REQUESTS</c>, <c>ORDERS_10S</c>).</param>
/// <param name="Used">Units counted in the window's current interval.</param>
/// <param name="Limit">Units the window allows per interval.</param>
public sealed record BudgetWindowUsage(string Window, int Used, int Limit);
