using Engine.Messages.Identifiers;

namespace Engine.Actors.Audit;

/// <summary>
/// Invariant (c) for one base asset (of a symbol traded) of one login: the first balance the venue reported at reconciliation, plus the
/// base-asset effect of every fill journaled after it (attributed, inferred and external, less fees taken in the asset),
/// plus external balance adjustments, must equal the last balance the venue reported.
/// </summary>
/// <param name="SequenceNr">The journal position of the last reported balance.</param>
/// <param name="FirstReported">The first balance journaled (<c>VenueBalanceReconciled</c>).</param>
/// <param name="FromFills">The fills' effect up to the last reported balance.</param>
/// <param name="Adjustments">External balance adjustments up to the last reported balance.</param>
/// <param name="LastReported">The last balance the venue reported.</param>
public sealed record AuditBalanceCheck(
    LoginId Login, string Asset, long SequenceNr, decimal FirstReported, decimal FromFills, decimal Adjustments, decimal LastReported)
{
    /// <summary>What the journal's fills say the balance should be at the last report.</summary>
    public decimal Expected => FirstReported + FromFills + Adjustments;

    /// <summary>True when the journal's fills explain the venue's balance.</summary>
    public bool Holds => Expected == LastReported;
}
