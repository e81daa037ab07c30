using Engine.Messages.Identifiers;

namespace Engine.Messages.Connectivity;

/// <summary>
/// A login's connection changed state. Carries the venue's own code and text when the change came from
/// the venue (quant gateway state codes 1-7, Binance ban end), so operators see what the venue said.
/// </summary>
/// <param name="Login">The login whose connection changed.</param>
/// <param name="Timestamp">When the change was observed.</param>
/// <param name="State">The engine's new state.</param>
/// <param name="VenueCode">The venue's code (quant gateway state code); null when the engine caused the change.</param>
/// <param name="VenueText">The venue's text, verbatim; null when none.</param>
/// <param name="IsFatal">True when the login cannot recover without an operator (bad configuration, ban).</param>
public sealed record ConnectionStateChanged(
    LoginId Login,
    DateTimeOffset Timestamp,
    ConnectionState State,
    int? VenueCode = null,
    string? VenueText = null,
    bool IsFatal = false) : ILoginEvent;

/// <summary>
/// A request could not be sent at once because a rate window is full; it was queued, not dropped.
/// </summary>
/// <param name="Login">The login whose budget is exhausted.</param>
/// <param name="Timestamp">When the budget refused the request.</param>
/// <param name="Window">The window that is full (<c>ORDERS 50/10s</c>), or the pause reason (429, 418).</param>
/// <param name="RetryAt">Earliest time the queued request can go.</param>
/// <param name="Queued">Requests waiting in the queue, this one included.</param>
public sealed record RequestBudgetExhausted(
    LoginId Login,
    DateTimeOffset Timestamp,
    string Window,
    DateTimeOffset RetryAt,
    int Queued) : ILoginEvent;
