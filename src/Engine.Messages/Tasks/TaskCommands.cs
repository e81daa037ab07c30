using System.Collections.Immutable;
using Engine.Messages.Identifiers;

namespace Engine.Messages.Tasks;

/// <summary>
/// A command on a bot venue's automation tasks (DBot). The engine journals it (<see cref="TaskCommandIssued"/>) before it
/// leaves the process; the answer is <see cref="TaskCommandAccepted"/>, <see cref="TaskCommandRejected"/>, or
/// <see cref="TaskCommandUnknown"/> followed by <see cref="TaskCommandResolved"/> once the venue was asked what applied.
/// "Accepted" means the venue took the task, never that a trade succeeded: trades report as <see cref="ITradeResult"/>s.
/// </summary>
public interface ITaskCommand
{
    /// <summary>The login (API key) that owns the tasks.</summary>
    LoginId Login { get; }

    /// <summary>Chosen by the sender; unique per login.</summary>
    TaskCommandId CommandId { get; }

    /// <summary>When the sender issued it.</summary>
    DateTimeOffset Timestamp { get; }
}

/// <summary>Creates a follow order.</summary>
public sealed record CreateFollowOrder(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, FollowOrderSpec Spec) : ITaskCommand;

/// <summary>Edits a follow order by read-modify-write of the whole object.</summary>
public sealed record EditFollowOrder(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string TaskId, FollowOrderChanges Changes) : ITaskCommand;

/// <summary>Enables or disables one follow order; <paramref name="ClosePnlOrders"/> also disables its TP/SL tasks when disabling.</summary>
public sealed record SetFollowOrderEnabled(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string TaskId, bool Enabled, bool ClosePnlOrders = false) : ITaskCommand;

/// <summary>Enables or disables several follow orders in one call (DBot <c>batchToggleFollowOrder</c>).</summary>
public sealed record ToggleFollowOrders(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, ImmutableArray<string> TaskIds, bool Enabled, bool ClosePnlOrders = false) : ITaskCommand;

/// <summary>Moves several follow orders to another wallet.</summary>
public sealed record ChangeFollowOrdersWallet(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, ImmutableArray<string> TaskIds, string WalletId) : ITaskCommand;

/// <summary>Deletes several follow orders; <paramref name="DeletePnlOrders"/> also deletes their TP/SL tasks.</summary>
public sealed record DeleteFollowOrders(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, ImmutableArray<string> TaskIds, bool DeletePnlOrders = false) : ITaskCommand;

/// <summary>Places a fast swap; its outcome arrives as a trade result.</summary>
public sealed record CreateSwap(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, SwapSpec Spec) : ITaskCommand;

/// <summary>Creates limit orders (one task per setting); the accepted event lists the new task ids.</summary>
public sealed record CreateLimitOrders(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, LimitOrderSpec Spec) : ITaskCommand;

/// <summary>Changes one limit order (or a TP/SL task): only the fields given.</summary>
public sealed record UpdateLimitOrder(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, string TaskId, LimitOrderChanges Changes) : ITaskCommand;

/// <summary>Deletes limit orders or TP/SL tasks by id.</summary>
public sealed record DeleteLimitOrders(LoginId Login, TaskCommandId CommandId, DateTimeOffset Timestamp, ImmutableArray<string> TaskIds) : ITaskCommand;
