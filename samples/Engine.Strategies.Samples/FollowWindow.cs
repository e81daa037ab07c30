using Engine.Actors.Strategies;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Strategies.Samples;

/// <summary>
/// A sample for bot venues (DBot): keeps one follow order per configured leader and has them enabled only while a daily
/// UTC window is open (see <see cref="FollowWindowParameters"/>).
/// <list type="bullet">
/// <item>At start, and when the login becomes Ready before a list succeeded, it lists the follow orders and adopts its own by name (<c>&lt;prefix&gt;-&lt;n&gt;</c>); a
/// missing one is created, enabled as the window says.</item>
/// <item>Every check-interval it compares the window with the tasks' state and sends one batch toggle for those that
/// differ (disabling also disables their TP/SL tasks). It waits for a command to end (accepted, rejected, or unknown and
/// then resolved by the engine) before it sends another; a rejected or unresolved command makes it list again.</item>
/// <item>Trade results are counted and logged; each arrives once (the engine journals and de-duplicates them).</item>
/// </list>
/// </summary>
public sealed class FollowWindow : StrategyActor<FollowWindowParameters>
{
    private const string CheckTimer = "check";
    private readonly LoginId _login;
    private readonly Dictionary<string, TaskState> _tasks = new(StringComparer.Ordinal);
    private readonly Dictionary<TaskCommandId, string> _creating = [];
    private readonly List<string> _toggling = [];
    private bool _creatingEnabled;
    private bool _togglingTo;
    private TaskCommandId? _pending;
    private bool _listed;
    private bool _listing;
    private int _successes;
    private int _failures;

    public FollowWindow(StrategyContext context)
        : base(context)
    {
        _login = Logins.Count > 0 ? Logins[0] : throw new ArgumentException($"Follow window {context.Name} needs a DBot login.", nameof(context));
        Receive<FollowOrdersListed>(OnListed);
        Receive<TaskQueryFailed>(failed =>
        {
            _listing = false;
            FollowWindowLog.Failed(Logger, Name, failed.Query, failed.Reason);
        });
        Receive<TaskCommandRejected>(OnTaskCommandEvent);
        Receive<Check>(_ => OnCheck());
    }

    protected override void OnStart()
    {
        Timers.StartPeriodicTimer(CheckTimer, Check.Instance, Settings.CheckInterval);
        List();
    }

    protected override void OnConnectionState(ConnectionStateChanged change)
    {
        if (change.State == ConnectionState.Ready && !_listed)
        {
            List();
        }
    }

    protected override void OnTaskCommandEvent(ITaskCommandEvent taskEvent)
    {
        if (taskEvent.CommandId != _pending)
        {
            return;
        }

        switch (taskEvent)
        {
            case TaskCommandAccepted accepted when _creating.Remove(accepted.CommandId, out var name):
                _tasks[name] = new TaskState(accepted.TaskIds.FirstOrDefault() ?? string.Empty, _creatingEnabled);
                _pending = null;
                CreateMissing();
                break;
            case TaskCommandAccepted or TaskCommandResolved { Resolution: TaskResolution.Applied }:
                foreach (var name in _toggling)
                {
                    _tasks[name] = _tasks[name] with { Enabled = _togglingTo };
                }

                _pending = null;
                break;
            case TaskCommandRejected rejected:
                FollowWindowLog.Failed(Logger, Name, rejected.Operation, rejected.Reason);
                Relist();
                break;
            case TaskCommandResolved:
                Relist();
                break;
        }
    }

    protected override void OnTradeResult(ITradeResult result)
    {
        var outcome = result switch
        {
            TradeSucceeded s => $"{s.Side} done at {s.PriceUsd} USD",
            TradeFailed f => $"{f.Side} failed {f.ErrorCode}: {f.ErrorMessage}",
            _ => result.GetType().Name,
        };
        if (result is TradeSucceeded)
        {
            _successes++;
        }
        else
        {
            _failures++;
        }

        FollowWindowLog.Trade(Logger, Name, result.ResultId, result.TaskId, outcome, _successes, _failures);
    }

    private void List()
    {
        if (_listing)
        {
            return;
        }

        _listing = true;
        ListFollowOrders(_login, Settings.Chain);
    }

    private void Relist()
    {
        _pending = null;
        _listed = false;
        List();
    }

    private void OnListed(FollowOrdersListed listed)
    {
        _listing = false;
        _listed = true;
        _tasks.Clear();
        foreach (var order in listed.Orders.Where(o => o.Name.StartsWith(Settings.NamePrefix + "-", StringComparison.Ordinal)))
        {
            _tasks[order.Name] = new TaskState(order.Id, order.Enabled);
        }

        CreateMissing();
    }

    private void CreateMissing()
    {
        if (_pending is not null)
        {
            return;
        }

        for (var i = 0; i < Settings.Leaders.Count; i++)
        {
            var name = $"{Settings.NamePrefix}-{i + 1}";
            if (_tasks.ContainsKey(name))
            {
                continue;
            }

            _creatingEnabled = Settings.IsOpen(Clock.GetUtcNow());
            FollowWindowLog.Creating(Logger, Name, name, Settings.Leaders[i], _creatingEnabled);
            var spec = new FollowOrderSpec(name, Settings.Chain, Settings.WalletId, [Settings.Leaders[i]], Settings.MaxBuyAmountUI, _creatingEnabled)
            {
                StopEarnPercent = Settings.StopEarnPercent > 0m ? Settings.StopEarnPercent : null,
            };
            var id = CreateFollowOrder(_login, spec);
            _creating[id] = name;
            _pending = id;
            return;
        }
    }

    private void OnCheck()
    {
        if (!_listed)
        {
            List();
            return;
        }

        if (_pending is not null)
        {
            return;
        }

        var open = Settings.IsOpen(Clock.GetUtcNow());
        var wrong = _tasks.Where(t => t.Value.Enabled != open && t.Value.Id.Length > 0).Select(t => t.Key).ToList();
        if (wrong.Count == 0)
        {
            CreateMissing();
            return;
        }

        FollowWindowLog.Toggling(Logger, Name, open ? "open" : "closed", wrong.Count, open);
        _toggling.Clear();
        _toggling.AddRange(wrong);
        _togglingTo = open;
        _pending = ToggleFollowOrders(_login, wrong.Select(n => _tasks[n].Id), open, closePnlOrders: !open);
    }

    private sealed record TaskState(string Id, bool Enabled);

    private sealed class Check
    {
        public static readonly Check Instance = new();
    }
}
