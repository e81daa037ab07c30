using Engine.Actors.Venues.DBot;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// Settling unknown limit-order commands: a complete listing of the limit orders and TP/SL tasks, taken when the
/// login is ready, read by <see cref="LimitTaskResolver"/>. One listing at a time; a command that turns unknown during
/// one (whose effect the pages read may predate) is settled by the next.
/// </summary>
public sealed partial class TaskBookActor
{
    private readonly HashSet<TaskCommandId> _unknownDuringLimitListing = [];
    private bool _limitListing;
    private bool _limitListAgain;

    private void StartLimitListing(string reason)
    {
        if (_limitListing)
        {
            _limitListAgain = true;
            return;
        }

        if (!_ready)
        {
            return;
        }

        _limitListing = true;
        _unknownDuringLimitListing.Clear();
        LogLimitListing(_log, _login, reason);
        Read(page => DBotMapper.ListLimitOrders(page, null, null, null), CompleteLimitListing, FailLimitListing);
    }

    private void CompleteLimitListing(IReadOnlyList<LimitTask> listed)
    {
        _limitListing = false;
        var now = Now;
        var claimed = new HashSet<string>(_book.CreatedLimitTasks, StringComparer.Ordinal);
        var open = _book.Unknown
            .Where(c => LimitTaskResolver.Handles(c.Issued.Operation) && !_unknownDuringLimitListing.Contains(c.Issued.CommandId))
            .OrderBy(c => c.Issued.Timestamp)
            .ToList();
        foreach (var command in open)
        {
            if (LimitTaskResolver.Resolve(command.Issued, listed, claimed) is { } resolved)
            {
                claimed.UnionWith(command.Issued.Operation == DBotWire.CreateLimitOrder ? resolved.TaskIds : []);
                LogResolved(_log, _login, command.Issued.CommandId, resolved.Resolution, resolved.Evidence);
                Record(new TaskCommandResolved(_login, command.Issued.CommandId, now, command.Issued.Operation, resolved.Resolution, resolved.Evidence, resolved.TaskIds));
            }
        }

        LimitListAgainIfNeeded();
    }

    private void FailLimitListing(string reason)
    {
        _limitListing = false;
        LogListingFailed(_log, _login, $"limit orders: {reason}");
        LimitListAgainIfNeeded();
    }

    private void LimitListAgainIfNeeded()
    {
        if (_limitListAgain)
        {
            _limitListAgain = false;
            StartLimitListing("a limit-order command became unknown during the last listing");
        }
    }
}
