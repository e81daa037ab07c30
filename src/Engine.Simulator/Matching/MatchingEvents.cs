namespace Engine.Simulator.Matching;

// One family per file (STYLE §1): the events the matching engine emits, in the order they happened.

/// <summary>Something the matching engine did. Venues render these into their own notifications.</summary>
/// <param name="At">Engine time of the event (the <c>now</c> passed in).</param>
public abstract record MatchingEvent(DateTimeOffset At);

/// <summary>An order passed every rule and entered the engine. Always the first event of an accepted order.</summary>
public sealed record OrderAccepted(OrderView Order, DateTimeOffset At) : MatchingEvent(At);

/// <summary>An order was refused; no state changed.</summary>
public sealed record OrderRejected(OrderRequest Request, RejectReason Reason, string Detail, DateTimeOffset At) : MatchingEvent(At);

/// <summary>One fill of an order; <paramref name="Order"/> is the order after the fill.</summary>
public sealed record OrderFilled(OrderView Order, Fill Fill, DateTimeOffset At) : MatchingEvent(At);

/// <summary>An order was canceled (by request, or as an IOC/market remainder); locks were released.</summary>
public sealed record OrderCanceled(OrderView Order, DateTimeOffset At) : MatchingEvent(At);

/// <summary>A wallet balance changed; values are the new totals.</summary>
public sealed record BalanceChanged(string AccountId, bool Futures, string Asset, decimal Free, decimal Locked, DateTimeOffset At) : MatchingEvent(At);

/// <summary>A futures position changed.</summary>
public sealed record PositionChanged(PositionView Position, DateTimeOffset At) : MatchingEvent(At);
