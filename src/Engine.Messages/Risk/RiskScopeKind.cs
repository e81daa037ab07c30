namespace Engine.Messages.Risk;

/// <summary>What a <see cref="RiskScope"/> covers.</summary>
public enum RiskScopeKind
{
    /// <summary>Every order of the engine.</summary>
    Engine,

    /// <summary>Every order of one login.</summary>
    Login,

    /// <summary>Every order of one strategy (named by the client order id prefix the strategy host gives it).</summary>
    Strategy,

    /// <summary>Every order in one symbol (limits only; trading states are per engine, login or strategy).</summary>
    Symbol,
}
