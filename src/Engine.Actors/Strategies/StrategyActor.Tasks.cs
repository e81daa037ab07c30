using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Strategies;

/// <summary>
/// Automation tasks on bot venues (DBot): commands that drive follow orders, swaps and limit orders like orders, and the hooks that
/// hear their outcomes and the trade results. Each command gets a new <see cref="TaskCommandId"/> (unique per login,
/// drawn from the same generator as client order ids) and is journaled before it leaves the process.
/// </summary>
public abstract partial class StrategyActor
{
    /// <summary>
    /// A trade a bot venue executed (or failed to) for one of the strategy's tasks, heard exactly once: results are
    /// journaled and de-duplicated by id before they are published.
    /// </summary>
    protected virtual void OnTradeResult(ITradeResult result)
    {
    }

    /// <summary>A task command of one of the strategy's logins was issued, accepted, rejected, became unknown or was resolved.</summary>
    protected virtual void OnTaskCommandEvent(ITaskCommandEvent taskEvent)
    {
    }

    /// <summary>Creates a follow order; <see cref="TaskCommandAccepted.TaskIds"/> carries its venue id.</summary>
    protected TaskCommandId CreateFollowOrder(LoginId login, FollowOrderSpec spec) =>
        SendTask(login, id => new CreateFollowOrder(login, id, Clock.GetUtcNow(), spec));

    /// <summary>Edits a follow order (the engine reads the whole task, applies <paramref name="changes"/> and sends it whole).</summary>
    protected TaskCommandId EditFollowOrder(LoginId login, string taskId, FollowOrderChanges changes) =>
        SendTask(login, id => new EditFollowOrder(login, id, Clock.GetUtcNow(), taskId, changes));

    /// <summary>Enables or disables one follow order.</summary>
    protected TaskCommandId SetFollowOrderEnabled(LoginId login, string taskId, bool enabled, bool closePnlOrders = false) =>
        SendTask(login, id => new SetFollowOrderEnabled(login, id, Clock.GetUtcNow(), taskId, enabled, closePnlOrders));

    /// <summary>Enables or disables several follow orders in one call.</summary>
    protected TaskCommandId ToggleFollowOrders(LoginId login, IEnumerable<string> taskIds, bool enabled, bool closePnlOrders = false) =>
        SendTask(login, id => new ToggleFollowOrders(login, id, Clock.GetUtcNow(), [.. taskIds], enabled, closePnlOrders));

    /// <summary>Deletes several follow orders (and their TP/SL tasks with <paramref name="deletePnlOrders"/>).</summary>
    protected TaskCommandId DeleteFollowOrders(LoginId login, IEnumerable<string> taskIds, bool deletePnlOrders = false) =>
        SendTask(login, id => new DeleteFollowOrders(login, id, Clock.GetUtcNow(), [.. taskIds], deletePnlOrders));

    /// <summary>Places a fast swap; its trade arrives through <see cref="OnTradeResult"/>.</summary>
    protected TaskCommandId CreateSwap(LoginId login, SwapSpec spec) =>
        SendTask(login, id => new CreateSwap(login, id, Clock.GetUtcNow(), spec));

    /// <summary>Creates limit orders (one task per setting); <see cref="TaskCommandAccepted.TaskIds"/> carries their venue ids.</summary>
    protected TaskCommandId CreateLimitOrders(LoginId login, LimitOrderSpec spec) =>
        SendTask(login, id => new CreateLimitOrders(login, id, Clock.GetUtcNow(), spec));

    /// <summary>Changes one limit order or TP/SL task (only the fields given).</summary>
    protected TaskCommandId UpdateLimitOrder(LoginId login, string taskId, LimitOrderChanges changes) =>
        SendTask(login, id => new UpdateLimitOrder(login, id, Clock.GetUtcNow(), taskId, changes));

    /// <summary>Deletes limit orders or TP/SL tasks.</summary>
    protected TaskCommandId DeleteLimitOrders(LoginId login, IEnumerable<string> taskIds) =>
        SendTask(login, id => new DeleteLimitOrders(login, id, Clock.GetUtcNow(), [.. taskIds]));

    /// <summary>Asks for the limit orders of <paramref name="login"/>; the reply is a <see cref="LimitTasksListed"/> or a <see cref="TaskQueryFailed"/> message to this actor.</summary>
    protected void ListLimitOrders(LoginId login, string? chain = null, string? state = null)
    {
        RequireMyLogin(login);
        Connections.Tell(new ListLimitOrders(login, Clock.GetUtcNow(), chain, state), Self);
    }

    /// <summary>Asks for the TP/SL tasks a follow order created; the reply is a <see cref="LimitTasksListed"/> or a <see cref="TaskQueryFailed"/> message to this actor.</summary>
    protected void ListFollowOrderPnlTasks(LoginId login, string followOrderId, string? state = null)
    {
        RequireMyLogin(login);
        Connections.Tell(new ListFollowOrderPnlTasks(login, Clock.GetUtcNow(), followOrderId, State: state), Self);
    }

    /// <summary>Asks for the wallets of <paramref name="login"/>'s account (<paramref name="type"/>: solana, evm); the reply is a <see cref="WalletsListed"/> or a <see cref="TaskQueryFailed"/> message to this actor.</summary>
    protected void ListWallets(LoginId login, string? type = null)
    {
        RequireMyLogin(login);
        Connections.Tell(new ListWallets(login, Clock.GetUtcNow(), type), Self);
    }

    /// <summary>Asks for every follow order of <paramref name="login"/>; the reply is a <see cref="FollowOrdersListed"/> or a <see cref="TaskQueryFailed"/> message to this actor.</summary>
    protected void ListFollowOrders(LoginId login, string? chain = null)
    {
        RequireMyLogin(login);
        Connections.Tell(new ListFollowOrders(login, Clock.GetUtcNow(), chain), Self);
    }

    /// <summary>Asks for one fast swap's state; the reply is a <see cref="SwapReported"/> or a <see cref="TaskQueryFailed"/> message to this actor.</summary>
    protected void GetSwap(LoginId login, string swapId)
    {
        RequireMyLogin(login);
        Connections.Tell(new GetSwap(login, Clock.GetUtcNow(), swapId), Self);
    }

    private TaskCommandId SendTask(LoginId login, Func<TaskCommandId, ITaskCommand> create)
    {
        RequireMyLogin(login);
        var command = create(new TaskCommandId(_ids.Next().Value));
        Connections.Tell(command, Self);
        return command.CommandId;
    }
}
