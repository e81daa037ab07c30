namespace Engine.Simulator.Faults;

/// <summary>Injectable misbehaviours. Each is consumed per matching request or notification until its count runs out.</summary>
public enum FaultKind
{
    /// <summary>The reply to a matching request is never sent.</summary>
    DropReply,

    /// <summary>The reply to a matching request is sent after <see cref="FaultRule.DelayMs"/>.</summary>
    DelayReply,

    /// <summary>Notifications caused by a matching request are sent before its reply.</summary>
    NotifyBeforeReply,

    /// <summary>
    /// A matching request whose execution filled at once (a marketable placement) has its notifications, fills included,
    /// sent before its reply; requests that did not fill are answered first as usual. With a <see cref="FaultRule.Probability"/>
    /// it reproduces a venue that sometimes pushes an order's fills before it answers the placement.
    /// </summary>
    FillsBeforeReply,

    /// <summary>A matching notification is sent twice.</summary>
    DuplicateNotification,

    /// <summary>The socket that sent a matching request is aborted before any reply.</summary>
    Disconnect,

    /// <summary>Matching order placements are refused with <see cref="FaultRule.Message"/>.</summary>
    RejectOrders,

    /// <summary>Binance: a matching request is followed by a <c>serverShutdown</c> event on its connection (after the reply).</summary>
    ServerShutdown,

    /// <summary>Binance: a matching request is answered 429 (-1003) with <c>retryAfter</c> instead of being executed; nothing is counted. Toobit: HTTP 429 (-1003) with <c>Retry-After</c> of <see cref="FaultRule.DelayMs"/> (at least 1 s).</summary>
    RateLimit,

    /// <summary>Binance: a matching request is executed but answered with -1007 (backend timeout, execution status unknown). Toobit: executed, answered HTTP 500 (-1006).</summary>
    UnknownOutcome,

    /// <summary>Binance: a matching request is not executed and is answered with -1007 (the client cannot tell it from <see cref="UnknownOutcome"/>). Toobit: not executed, answered HTTP 503 (-1007).</summary>
    UnknownOutcomeNotExecuted,

    /// <summary>Toobit: a matching request is answered 418 (IP banned, -1003) with <c>Retry-After</c> of <see cref="FaultRule.DelayMs"/> (at least 1 s) instead of being executed.</summary>
    Banned,

    /// <summary>Binance streams: the next <c>depthUpdate</c> of the symbol in <see cref="FaultRule.Op"/> is not sent (its update ids are used up: a gap).</summary>
    DropDiff,

    /// <summary>Binance streams: the next <c>depthUpdate</c> of the symbol is sent twice.</summary>
    DuplicateDiff,

    /// <summary>Binance streams: the next <c>depthUpdate</c> of the symbol is held back and sent after the one that follows it.</summary>
    ReorderDiff,

    /// <summary>Binance: the next depth snapshot of the symbol (REST or WebSocket API) claims a <c>lastUpdateId</c> 1,000 ids old.</summary>
    StaleSnapshot,

    /// <summary>Binance streams: from the symbol's next market step, its streams send nothing for <see cref="FaultRule.DelayMs"/> (what happens meanwhile is lost).</summary>
    StallStream,

    /// <summary>Binance streams: after the symbol's next market step every stream connection is closed normally.</summary>
    CloseStreams,
}
