using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Messages.Tasks;

/// <summary>A question about a login's automation tasks, answered to the sender.</summary>
public interface ITaskQuery
{
    /// <summary>The login asked about.</summary>
    LoginId Login { get; }
}

/// <summary>Lists every follow order of the login (all pages); answered with <see cref="FollowOrdersListed"/> or <see cref="TaskQueryFailed"/>.</summary>
/// <param name="Chain">Only this chain; null = every chain.</param>
public sealed record ListFollowOrders(LoginId Login, DateTimeOffset Timestamp, string? Chain = null) : ITaskQuery;

/// <summary>The login's follow orders.</summary>
public sealed record FollowOrdersListed(LoginId Login, DateTimeOffset Timestamp, ImmutableArray<FollowOrder> Orders);

/// <summary>A task query could not be answered; <paramref name="OutcomeUnknown"/> when it may have reached the venue.</summary>
public sealed record TaskQueryFailed(LoginId Login, DateTimeOffset Timestamp, string Query, string Reason, bool OutcomeUnknown);

/// <summary>Reads one fast swap by its venue id; answered with <see cref="SwapReported"/> or <see cref="TaskQueryFailed"/>.</summary>
public sealed record GetSwap(LoginId Login, DateTimeOffset Timestamp, string SwapId) : ITaskQuery;

/// <summary>
/// A fast swap as the venue reports it: <paramref name="State"/> verbatim (<c>processing</c>, <c>done</c>, <c>fail</c>, ...),
/// its execution price and hash when done, the venue's error when failed.
/// </summary>
public sealed record SwapReported(LoginId Login, DateTimeOffset Timestamp, string SwapId, string State, decimal? TxPriceUsd, string? Hash, string? ErrorCode, string? ErrorMessage);
