namespace Engine.Simulator.Matching;

/// <summary>How a futures order acts on the account's position.</summary>
public enum PositionEffect
{
    /// <summary>One-way (net) mode: a fill first reduces the opposite side, the rest opens (a flip when it exceeds it).</summary>
    Net,

    /// <summary>Hedge mode: a buy opens long, a sell opens short.</summary>
    Open,

    /// <summary>Hedge mode: a sell closes long, a buy closes short; never more than the position not already being closed.</summary>
    Close,
}
