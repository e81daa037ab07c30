using Engine.Messages.Orders;

namespace Engine.Actors.Risk;

/// <summary>Everything <see cref="RiskEngine.Check"/> needs to judge one order; built by <see cref="RiskGate"/>.</summary>
/// <param name="Order">The order.</param>
/// <param name="Mark">The mark of the order's symbol (feed or last fill); null when none is known yet.</param>
/// <param name="States">The trading states of the engine, the order's login and its strategy.</param>
/// <param name="Limits">The limits configured for the order's login, strategy and symbol.</param>
public sealed record RiskCheck(SubmitOrder Order, decimal? Mark, IReadOnlyList<ScopedState> States, IReadOnlyList<ScopedLimits> Limits);
