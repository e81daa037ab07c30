using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// The pure state of one login's task book, rebuilt from its journal: which command ids were used, which commands are
/// still open (awaiting a reply, or unknown and awaiting a re-list) and which trade results were already recorded (so
/// a result pushed twice, or again after a reconnect, is counted once), and which limit orders its commands created
/// (so an unknown create is never matched to one of them). Events of other logins are ignored.
/// Not thread-safe: owned by <see cref="TaskBookActor"/>.
/// </summary>
public sealed class TaskBook(LoginId login)
{
    private readonly Dictionary<TaskCommandId, OpenCommand> _open = [];
    private readonly HashSet<TaskCommandId> _used = [];
    private readonly HashSet<string> _trades = new(StringComparer.Ordinal);
    private readonly HashSet<string> _createdLimitTasks = new(StringComparer.Ordinal);

    /// <summary>Commands not finished, in no particular order.</summary>
    public IReadOnlyCollection<OpenCommand> Open => _open.Values;

    /// <summary>Commands whose outcome is unknown and must be settled by listing the tasks.</summary>
    public IEnumerable<OpenCommand> Unknown => _open.Values.Where(c => c.IsUnknown);

    /// <summary>Ids of the limit orders this login's commands created (accepted, or found when resolved).</summary>
    public IReadOnlySet<string> CreatedLimitTasks => _createdLimitTasks;

    /// <summary>How many trade results were recorded.</summary>
    public int TradeCount => _trades.Count;

    /// <summary>True when <paramref name="id"/> was already used by a command of this login.</summary>
    public bool IsUsed(TaskCommandId id) => _used.Contains(id);

    /// <summary>True when the trade result <paramref name="resultId"/> was already recorded.</summary>
    public bool IsRecorded(string resultId) => _trades.Contains(resultId);

    /// <summary>The open command <paramref name="id"/>, or null.</summary>
    public OpenCommand? Find(TaskCommandId id) => _open.GetValueOrDefault(id);

    /// <summary>Applies one recorded event.</summary>
    public void Apply(ITaskEvent taskEvent)
    {
        ArgumentNullException.ThrowIfNull(taskEvent);
        if (taskEvent.Login != login)
        {
            return;
        }

        switch (taskEvent)
        {
            case TaskCommandIssued issued:
                _used.Add(issued.CommandId);
                _open[issued.CommandId] = new OpenCommand(issued, IsUnknown: false);
                break;
            case TaskCommandUnknown unknown when _open.TryGetValue(unknown.CommandId, out var open):
                _open[unknown.CommandId] = open with { IsUnknown = true };
                break;
            case TaskCommandAccepted { Operation: Venues.DBot.DBotWire.CreateLimitOrder } accepted:
                _createdLimitTasks.UnionWith(accepted.TaskIds);
                _open.Remove(accepted.CommandId);
                break;
            case TaskCommandResolved { Operation: Venues.DBot.DBotWire.CreateLimitOrder } resolved:
                _createdLimitTasks.UnionWith(resolved.TaskIds);
                _open.Remove(resolved.CommandId);
                break;
            case TaskCommandAccepted or TaskCommandRejected or TaskCommandResolved:
                _open.Remove(((ITaskCommandEvent)taskEvent).CommandId);
                break;
            case ITradeResult trade:
                _trades.Add(trade.ResultId);
                break;
        }
    }
}
