namespace Engine.Messages.Risk;

/// <summary>
/// A pre-trade risk rule refused an order: which rule, for which scope, and the numbers. Carried by the local
/// <see cref="Orders.OrderRejected"/> the strategy receives and the journal keeps.
/// </summary>
/// <param name="Rule">The rule's name (<c>max-order-quantity</c>, <c>max-order-rate</c>, <c>trading-state</c> ...).</param>
/// <param name="Scope">The scope whose limit was breached (<c>login:demo</c>, <c>strategy:mm</c>, <c>symbol:BTCUSDT</c>).</param>
/// <param name="Limit">The configured limit; null for rules without a number (a halted state).</param>
/// <param name="Actual">The value the order would have reached; null for rules without a number.</param>
/// <param name="Detail">For people: what was wrong and what was expected.</param>
public sealed record RiskBreach(string Rule, string Scope, decimal? Limit, decimal? Actual, string Detail);

/// <summary>
/// The trading state of a scope changed; journaled by the risk engine (persistence id <c>risk</c>, tag <c>risk</c>)
/// before it takes effect, and published on the event stream.
/// </summary>
/// <param name="Scope">The engine, a login or a strategy.</param>
/// <param name="Timestamp">When the change was decided.</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="By">Who or what caused it: <c>api</c>, <c>cli</c>, <c>dashboard</c>, or <c>risk</c> for an automatic trigger.</param>
/// <param name="Cause">Why, for people: the operator's reason, or the trigger with its numbers.</param>
/// <param name="CancelWorkingOrders">True when the halt also cancelled the scope's working orders.</param>
public sealed record TradingStateChanged(
    RiskScope Scope,
    DateTimeOffset Timestamp,
    TradingState From,
    TradingState To,
    string By,
    string Cause,
    bool CancelWorkingOrders = false) : IEngineEvent;
