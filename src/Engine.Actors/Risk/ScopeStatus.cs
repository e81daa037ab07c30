using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>The trading state of one scope and the last change that set it.</summary>
/// <param name="Scope">The scope, written <c>engine</c>, <c>login:L</c>, <c>strategy:S</c>.</param>
/// <param name="State">Its state.</param>
/// <param name="DailyPnl">Its profit of the UTC day at the marks.</param>
/// <param name="LastChange">The change that set the state; null when it never changed.</param>
public sealed record ScopeStatus(string Scope, TradingState State, decimal DailyPnl, TradingStateChanged? LastChange);
