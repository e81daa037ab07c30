namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Connection → order book at the end of a drain: account for every held report (attributed, or journaled as external),
/// journal <see cref="Engine.Messages.Orders.SessionEnded"/> with the orders left behind, and answer
/// <see cref="SessionRecorded"/> once it committed.
/// </summary>
/// <param name="How">How the session ended, for the journal (<c>drained</c>, <c>drained after the drain timeout</c>).</param>
/// <param name="CancelRequested">True when the drain cancelled working orders: an order still open then counts as left
/// behind. Submitted, Unknown and PendingCancel orders always do.</param>
public sealed record EndSession(string How, bool CancelRequested);
