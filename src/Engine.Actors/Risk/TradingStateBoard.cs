using System.Collections.Immutable;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// The trading state of every scope, rebuilt from the journaled <see cref="TradingStateChanged"/> events. Pure: it
/// decides a change (or none) and applies events; the actor persists in between. Not thread-safe.
/// </summary>
public sealed class TradingStateBoard
{
    private ImmutableDictionary<RiskScope, TradingState> _states = ImmutableDictionary<RiskScope, TradingState>.Empty;

    /// <summary>Scopes not <see cref="TradingState.Active"/>.</summary>
    public ImmutableDictionary<RiskScope, TradingState> States => _states;

    /// <summary>The state of <paramref name="scope"/>; Active when never set.</summary>
    public TradingState StateOf(RiskScope scope) => _states.GetValueOrDefault(scope, TradingState.Active);

    /// <summary>
    /// The event that puts <paramref name="scope"/> in <paramref name="state"/>, or null when it already is. Throws
    /// <see cref="ArgumentException"/> for a symbol scope, which has limits but no trading state.
    /// </summary>
    public TradingStateChanged? Decide(RiskScope scope, TradingState state, DateTimeOffset now, string by, string cause, bool cancelWorkingOrders)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind == RiskScopeKind.Symbol)
        {
            throw new ArgumentException($"{scope} has no trading state; expected the engine, a login or a strategy", nameof(scope));
        }

        var from = StateOf(scope);
        return from == state
            ? null
            : new TradingStateChanged(scope, now, from, state, by, cause, state == TradingState.Halted && cancelWorkingOrders);
    }

    /// <summary>Applies a journaled change.</summary>
    public void Apply(TradingStateChanged changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        _states = changed.To == TradingState.Active ? _states.Remove(changed.Scope) : _states.SetItem(changed.Scope, changed.To);
    }
}
