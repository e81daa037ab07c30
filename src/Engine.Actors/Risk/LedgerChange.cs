namespace Engine.Actors.Risk;

/// <summary>What an order event changed in the <see cref="RiskLedger"/>, for the triggers to look at.</summary>
public enum LedgerChange
{
    /// <summary>Nothing a trigger looks at.</summary>
    None,

    /// <summary>A fill: positions, PnL and the mark moved.</summary>
    Filled,

    /// <summary>The venue accepted an order: the login's rejection streak ended.</summary>
    Accepted,

    /// <summary>The venue rejected an order: the login's rejection streak grew.</summary>
    VenueRejected,
}
