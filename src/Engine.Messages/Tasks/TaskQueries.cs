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

/// <summary>
/// Lists the login's limit orders (all pages); answered with <see cref="LimitTasksListed"/> or <see cref="TaskQueryFailed"/>.
/// Null filters match everything.
/// </summary>
/// <param name="Chain">Only this chain.</param>
/// <param name="State">Only this venue state (<c>init</c>, <c>done</c>, ...).</param>
/// <param name="Token">Only this token address.</param>
public sealed record ListLimitOrders(LoginId Login, DateTimeOffset Timestamp, string? Chain = null, string? State = null, string? Token = null) : ITaskQuery;

/// <summary>
/// Lists the TP/SL tasks a follow order created (DBot <c>listPnlOrdersFromFollowOrder</c>, all pages); answered with
/// <see cref="LimitTasksListed"/> or <see cref="TaskQueryFailed"/>.
/// </summary>
/// <param name="FollowOrderId">The follow order whose TP/SL tasks are listed.</param>
/// <param name="Chain">Only this chain; null = every chain.</param>
/// <param name="State">Only this venue state; null = every state.</param>
public sealed record ListFollowOrderPnlTasks(LoginId Login, DateTimeOffset Timestamp, string FollowOrderId, string? Chain = null, string? State = null) : ITaskQuery;

/// <summary>Limit orders or TP/SL tasks of the login; <paramref name="Query"/> names what was asked.</summary>
public sealed record LimitTasksListed(LoginId Login, DateTimeOffset Timestamp, string Query, ImmutableArray<LimitTask> Tasks);

/// <summary>
/// Lists the wallets of the login's account (DBot REST <c>GET /account/wallets</c>; it has no WebSocket twin), all
/// pages; answered with <see cref="WalletsListed"/> or <see cref="TaskQueryFailed"/>. Needs no open socket.
/// </summary>
/// <param name="Type">Only this chain family (<c>solana</c>, <c>evm</c>); null = every wallet.</param>
public sealed record ListWallets(LoginId Login, DateTimeOffset Timestamp, string? Type = null) : ITaskQuery;

/// <summary>The wallets of the login's account.</summary>
public sealed record WalletsListed(LoginId Login, DateTimeOffset Timestamp, ImmutableArray<BotWallet> Wallets);
