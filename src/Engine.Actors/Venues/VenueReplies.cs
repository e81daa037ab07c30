using System.Collections.Immutable;
using Engine.Messages.Accounts;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;

namespace Engine.Actors.Venues;

/// <summary>
/// A venue's answer to one <see cref="VenueRequest"/>, independent of the wire format; the connection turns
/// it into engine events with the pending request's context (which order, which query).
/// </summary>
public abstract record VenueReply;

/// <summary>The venue accepted a placement and revealed its id.</summary>
public sealed record OrderPlacedReply(VenueOrderId VenueOrderId) : VenueReply;

/// <summary>One answer per order of a <see cref="PlaceOrdersVenueRequest"/>, in the request's order: <see cref="OrderPlacedReply"/>, <see cref="RequestRefusedReply"/> or <see cref="UnreadableReply"/>.</summary>
public sealed record BatchPlacedReply(ImmutableArray<VenueReply> Items) : VenueReply;

/// <summary>The venue refused the request; <paramref name="Reason"/> is its text verbatim.</summary>
public sealed record RequestRefusedReply(string Reason) : VenueReply;

/// <summary>
/// The venue refused to execute the request for now (HTTP 429 or 418: nothing happened) and the venue behaviour has
/// paused the budget: the connection sends the request again once the pause is over, a bounded number of times,
/// then answers it as refused with <paramref name="Reason"/>.
/// </summary>
public sealed record RetryLaterReply(string Reason) : VenueReply;

/// <summary>The venue's answer could not be understood; the outcome is unknown (never a rejection).</summary>
public sealed record UnreadableReply(string Reason) : VenueReply;

/// <summary>
/// Per-order cancel results. A cancel that succeeded is still confirmed only by a later order update or by
/// the open orders; <paramref name="Unattributed"/> holds failure texts the venue gave without an id.
/// </summary>
public sealed record CancelResultsReply(
    ImmutableArray<CancelResult> Results,
    ImmutableArray<string> Unattributed) : VenueReply;

/// <summary>One order's cancel result.</summary>
public sealed record CancelResult(VenueOrderId VenueOrderId, bool Accepted, string Error);

/// <summary>The open orders of the requested symbol.</summary>
public sealed record OpenOrdersListedReply(Symbol Symbol, ImmutableArray<OpenOrder> Orders) : VenueReply;

/// <summary>The balances.</summary>
public sealed record BalancesListedReply(ImmutableArray<Balance> Balances) : VenueReply;

/// <summary>The position of the requested symbol.</summary>
public sealed record PositionListedReply(PositionSnapshot Position) : VenueReply;

/// <summary>The trading rules of the requested symbol.</summary>
public sealed record SymbolRulesListedReply(SymbolRules Rules) : VenueReply;
