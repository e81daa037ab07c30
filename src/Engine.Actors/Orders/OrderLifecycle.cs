using E = Engine.Actors.Orders.OrderEventKind;
using S = Engine.Messages.Orders.OrderStatus;

namespace Engine.Actors.Orders;

/// <summary>
/// The order lifecycle as one transition table over (status, event) pairs. Pure and thread-safe; never
/// throws for a pair: forbidden pairs return <see cref="TransitionOutcome.Invalid"/>, duplicates and stale
/// venue reports return <see cref="TransitionOutcome.Ignored"/>.
/// <see cref="S.PendingSubmit"/> is the status of an order before its <c>OrderSubmitted</c> is recorded.
/// Terminal statuses: Filled, Canceled, Rejected, Expired. Unknown is resolved by whatever the venue says.
/// </summary>
public static class OrderLifecycle
{
    /// <summary>True for Filled, Canceled, Rejected and Expired.</summary>
    public static bool IsTerminal(S status) => status is S.Filled or S.Canceled or S.Rejected or S.Expired;

    /// <summary>True while the order may still trade on the venue (or may be, for Unknown).</summary>
    public static bool IsWorking(S status) =>
        status is S.Submitted or S.Accepted or S.PartiallyFilled or S.PendingCancel or S.Unknown;

    /// <summary>The table. See the comments for the real-world races each non-obvious cell encodes.</summary>
    public static TransitionResult Transition(S status, E ev) => (status, ev) switch
    {
        // Recording the order is the first event and happens once.
        (S.PendingSubmit, E.Submitted) => TransitionResult.To(S.Submitted),
        (_, E.Submitted) => TransitionResult.Forbid(status, "the client order id is already in use"),

        // Local validation refuses an order before anything is sent.
        (S.PendingSubmit, E.Rejected) => TransitionResult.To(S.Rejected),
        (S.PendingSubmit, _) => TransitionResult.Forbid(status, $"{ev} for an order that was never recorded"),

        // Unknown + anything from the venue -> that state: the venue's word resolves the unknown outcome.
        (S.Unknown, E.Accepted) => TransitionResult.To(S.Accepted),
        (S.Unknown, E.Rejected) => TransitionResult.To(S.Rejected),
        (S.Unknown, E.PartiallyFilled) => TransitionResult.To(S.PartiallyFilled),
        (S.Unknown, E.Filled) => TransitionResult.To(S.Filled),
        (S.Unknown, E.Canceled) => TransitionResult.To(S.Canceled),
        (S.Unknown, E.Expired) => TransitionResult.To(S.Expired),
        // Canceling an order whose outcome is unknown is the safe move; the venue may answer "not found".
        (S.Unknown, E.CancelRequested) => TransitionResult.To(S.PendingCancel),
        (S.Unknown, E.CancelRejected) => TransitionResult.Ignore(status, "cancel refused while the outcome is unknown"),
        (S.Unknown, E.StatusUnknown) => TransitionResult.Ignore(status, "already unknown"),

        // Accepted.
        (S.Submitted, E.Accepted) => TransitionResult.To(S.Accepted),
        (S.Accepted, E.Accepted) => TransitionResult.Ignore(status, "already accepted"),
        // A late or repeated "open" report after fills were seen.
        (S.PartiallyFilled, E.Accepted) => TransitionResult.Ignore(status, "stale open report after a fill"),
        // Cancel requested while the place request was in flight: the reply still reveals the venue id.
        (S.PendingCancel, E.Accepted) => TransitionResult.To(S.PendingCancel),
        (S.Rejected, E.Accepted) => TransitionResult.Forbid(status, "the venue reports open an order that was rejected"),
        (_, E.Accepted) => TransitionResult.Ignore(status, $"stale open report after {status}"),

        // Rejected.
        (S.Submitted, E.Rejected) => TransitionResult.To(S.Rejected),
        // Cancel requested while the place request was in flight, then the place was refused.
        (S.PendingCancel, E.Rejected) => TransitionResult.To(S.Rejected),
        (S.Rejected, E.Rejected) => TransitionResult.Ignore(status, "already rejected"),
        (_, E.Rejected) => TransitionResult.Forbid(status, $"a rejection after {status}"),

        // Partial fills. Fills can arrive before the place reply (huobi_future, ftx push first).
        (S.Submitted or S.Accepted or S.PartiallyFilled, E.PartiallyFilled) => TransitionResult.To(S.PartiallyFilled),
        // Late fill after a cancel request: the order traded before the cancel took effect; still pending.
        (S.PendingCancel, E.PartiallyFilled) => TransitionResult.To(S.PendingCancel),
        // Canceled/Expired + partial fill: the fill report lost the race against the cancel or the IOC
        // expiry (ftx sends fills and orders on separate channels); the fill counts, the status stays.
        (S.Canceled, E.PartiallyFilled) => TransitionResult.To(S.Canceled),
        (S.Expired, E.PartiallyFilled) => TransitionResult.To(S.Expired),
        (S.Filled, E.PartiallyFilled) => TransitionResult.Ignore(status, "stale partial report after the order filled"),
        (S.Rejected, E.PartiallyFilled) => TransitionResult.Forbid(status, "a fill on a rejected order"),

        // Filled.
        (S.Submitted or S.Accepted or S.PartiallyFilled or S.PendingCancel, E.Filled) => TransitionResult.To(S.Filled),
        // Canceled + Filled -> Filled: the fill happened before the cancel took effect; the venue's fill wins.
        (S.Canceled, E.Filled) => TransitionResult.To(S.Filled),
        // Expired + Filled -> Filled: same race for IOC orders.
        (S.Expired, E.Filled) => TransitionResult.To(S.Filled),
        (S.Filled, E.Filled) => TransitionResult.Ignore(status, "already filled"),
        (S.Rejected, E.Filled) => TransitionResult.Forbid(status, "a fill on a rejected order"),

        // Cancel requests. The place reply may not have arrived yet; the cancel waits for the venue id.
        (S.Submitted or S.Accepted or S.PartiallyFilled, E.CancelRequested) => TransitionResult.To(S.PendingCancel),
        (S.PendingCancel, E.CancelRequested) => TransitionResult.Ignore(status, "a cancel is already pending"),
        (_, E.CancelRequested) => TransitionResult.Forbid(status, $"cannot cancel an order that is already {status}"),

        // Cancel refused: the order is working again; the state restores PartiallyFilled when it has fills.
        (S.PendingCancel, E.CancelRejected) => TransitionResult.To(S.Accepted),
        // A refused cancel for an order that already finished lost the race against the fill or expiry.
        (_, E.CancelRejected) => TransitionResult.Ignore(status, $"cancel refused while {status}"),

        // Canceled. A cancel-all (or the venue itself) may cancel an order nobody asked to cancel.
        (S.Submitted or S.Accepted or S.PartiallyFilled or S.PendingCancel, E.Canceled) => TransitionResult.To(S.Canceled),
        (S.Canceled, E.Canceled) => TransitionResult.Ignore(status, "already canceled"),
        // Filled + Canceled: the cancel confirmation of a cancel that lost the race against the last fill.
        (S.Filled, E.Canceled) => TransitionResult.Ignore(status, "late cancel confirmation after the order filled"),
        (S.Expired, E.Canceled) => TransitionResult.Ignore(status, "late cancel confirmation after the order expired"),
        (S.Rejected, E.Canceled) => TransitionResult.Forbid(status, "a cancel confirmation for a rejected order"),

        // Expired.
        (S.Submitted or S.Accepted or S.PartiallyFilled or S.PendingCancel, E.Expired) => TransitionResult.To(S.Expired),
        (S.Expired, E.Expired) => TransitionResult.Ignore(status, "already expired"),
        (S.Filled or S.Canceled, E.Expired) => TransitionResult.Ignore(status, $"late expiry report after {status}"),
        (S.Rejected, E.Expired) => TransitionResult.Forbid(status, "an expiry for a rejected order"),

        // Unknown outcome: a timeout, disconnect or 5xx never turns into a rejection.
        (S.Submitted or S.Accepted or S.PartiallyFilled or S.PendingCancel, E.StatusUnknown) => TransitionResult.To(S.Unknown),
        // A late timeout after the venue already told us the end does not make the order unknown again.
        (_, E.StatusUnknown) => TransitionResult.Ignore(status, $"the order is already known to be {status}"),

        _ => TransitionResult.Forbid(status, $"{ev} is not defined for {status}"),
    };
}
