namespace Engine.Messages.Orders;

/// <summary>
/// Futures intent of an order: open a new position or close an existing one. Spot orders use <see cref="None"/>.
/// Buy+Open opens a long, Sell+Close closes a long, Sell+Open opens a short, Buy+Close closes a short.
/// </summary>
public enum OffsetFlag
{
    /// <summary>Spot, or a venue that nets positions.</summary>
    None,

    /// <summary>Opens or increases a position.</summary>
    Open,

    /// <summary>Reduces or closes a position.</summary>
    Close,
}
