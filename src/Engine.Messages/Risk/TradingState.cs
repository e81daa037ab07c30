namespace Engine.Messages.Risk;

/// <summary>
/// Whether new orders may go out, for one scope (the engine, a login, a strategy). The strictest state among the scopes
/// an order belongs to applies to it.
/// </summary>
public enum TradingState
{
    /// <summary>Orders pass (subject to the risk limits).</summary>
    Active,

    /// <summary>Only orders that reduce the position in their symbol pass.</summary>
    Reducing,

    /// <summary>No new order passes; cancels still do.</summary>
    Halted,
}
