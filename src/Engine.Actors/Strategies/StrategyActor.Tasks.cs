using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Strategies;

/// <summary>
/// Automation tasks on bot venues (DBot): commands that drive follow orders and swaps like orders, and the hooks that
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
