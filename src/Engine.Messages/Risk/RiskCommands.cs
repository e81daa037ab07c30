namespace Engine.Messages.Risk;

/// <summary>
/// Asks the risk engine to put <paramref name="Scope"/> in <paramref name="State"/>; answered with the journaled
/// <see cref="TradingStateChanged"/>, or with <see cref="TradingStateUnchanged"/> when the scope already was in it.
/// </summary>
/// <param name="Scope">The engine, a login or a strategy (a symbol has no trading state).</param>
/// <param name="State">The state wanted.</param>
/// <param name="Timestamp">When the sender issued the command.</param>
/// <param name="By">Who asks (<c>api</c>, <c>cli</c>, <c>dashboard</c>).</param>
/// <param name="Reason">Why, for the journal.</param>
/// <param name="CancelWorkingOrders">With <see cref="TradingState.Halted"/>: also cancel the scope's working orders; null uses the configured default.</param>
public sealed record SetTradingState(
    RiskScope Scope,
    TradingState State,
    DateTimeOffset Timestamp,
    string By,
    string Reason,
    bool? CancelWorkingOrders = null);

/// <summary>The answer to a <see cref="SetTradingState"/> that changed nothing, or that was refused (<paramref name="Error"/>).</summary>
public sealed record TradingStateUnchanged(RiskScope Scope, TradingState State, string? Error = null);
