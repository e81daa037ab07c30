namespace Engine.Simulator.Accounts;

/// <summary>Amounts of one asset in a wallet. Invariant kept by the engine: both parts are never negative after a rule-checked operation.</summary>
/// <param name="Free">Available amount.</param>
/// <param name="Locked">Amount reserved by open orders or held as position margin.</param>
public readonly record struct Balance(decimal Free, decimal Locked)
{
    /// <summary>Free plus locked.</summary>
    public decimal Total => Free + Locked;
}
