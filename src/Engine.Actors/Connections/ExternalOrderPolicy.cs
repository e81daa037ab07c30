namespace Engine.Actors.Connections;

/// <summary>
/// What a login does with an open order that reconciliation finds at the venue and no order of this engine matches
/// (<c>external-orders</c> of a login). Either way the order is journaled as external and its fills count in the position.
/// </summary>
public enum ExternalOrderPolicy
{
    /// <summary>Journal and log it, and leave it working (someone else's order on the account; the default).</summary>
    Report,

    /// <summary>Journal and log it, then cancel it at the venue (the account is this engine's alone).</summary>
    Cancel,
}
