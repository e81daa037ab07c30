namespace Engine.Messages.Orders;

/// <summary>How long an order stays working.</summary>
public enum TimeInForce
{
    /// <summary>Good till canceled: rests until filled or canceled.</summary>
    Gtc,

    /// <summary>Immediate or cancel: fills what it can at once, the rest expires.</summary>
    Ioc,

    /// <summary>Fill or kill: fills completely at once or not at all.</summary>
    Fok,
}
