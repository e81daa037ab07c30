using Akka.Actor;
using Akka.Persistence;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Tasks;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tasks;

/// <summary>
/// The event-sourced book of one DBot login's automation-task commands and trade results (persistence id
/// <c>tasks/&lt;login&gt;</c>, tagged <see cref="TaskJournal.Tag"/> by <see cref="TaskJournalTagger"/>); the connection's
/// <c>orders</c> child for a DBot login, which is its parent and sends its requests. Guarantees:
/// - Write-ahead: every command's <see cref="TaskCommandIssued"/> is durable before its request leaves
///   (<see cref="Venues.SendVenueRequest"/> is told in the persist handler); a command refused locally (bad field, login
///   not ready, edit of an unknown task) is journaled as issued then rejected, and answered to its sender.
/// - Every command ends journaled: accepted, rejected, or unknown (timeout, lost socket, unreadable reply, <c>err: true</c>
///   on a batch call, a create without an id) and then resolved from a complete listing of the follow orders
///   (<see cref="TaskResolver"/>), or, for limit-order commands, of the limit orders (<see cref="LimitTaskResolver"/>),
///   taken when the login is ready; never guessed. A listing taken while a command became
///   unknown is followed by another.
/// - Trade results are journaled once per result id (pushed twice, or again after a reconnect or a restart: dropped)
///   and published only after their commit.
/// - After recovery, commands that were still awaiting their reply are recorded unknown (no reply can reach this
///   incarnation) and resolved when the login is next ready.
/// - Edits are read-modify-write: the whole task is read by a listing, the changes applied, the whole object sent.
/// - A failed write stops the actor (Akka's rule); the next incarnation rebuilds from the journal.
/// Threading: an actor; state is touched only by its handlers. Time comes from <c>Context.Engine().Time</c>.
/// </summary>
public sealed partial class TaskBookActor : ReceivePersistentActor
{
    private readonly LoginId _login;
    private readonly TaskBookOptions _options;
    private readonly string _persistenceId;
    private readonly TaskBook _book;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private bool _ready;

    /// <summary>Creates the actor; use <see cref="Props(LoginId, TaskBookOptions?)"/>.</summary>
    public TaskBookActor(LoginId login, TaskBookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _login = login;
        _options = options;
        _persistenceId = TaskJournal.PersistenceIdOf(login);
        _book = new TaskBook(login);
        _time = Context.Engine().Time;
        _log = Context.CreateLogger<TaskBookActor>();
        if (!string.IsNullOrEmpty(options.JournalPluginId))
        {
            JournalPluginId = options.JournalPluginId;
        }

        Recover<ITaskEvent>(_book.Apply);
        Recover<OutdatedJournalEvent>(o => throw new InvalidOperationException(
            $"Task book {_persistenceId} replayed manifest '{o.Manifest}' that was not upcast: bind the order journal's read adapter (OrderJournal.AkkaConfig) on this journal."));
        Recover<RecoveryCompleted>(_ => OnRecoveryCompleted());

        Command<ConnectionReadiness>(OnReadiness);
        Command<ITaskCommand>(OnCommand);
        Command<ListFollowOrders>(OnListQuery);
        Command<GetSwap>(OnGetSwap);
        Command<ListLimitOrders>(OnListLimitOrders);
        Command<ListFollowOrderPnlTasks>(OnListPnlTasks);
        Command<ListWallets>(OnListWallets);
        Command<Venues.VenueRequestOutcome>(OnOutcome);
        Command<Venues.BookEvents>(OnBookEvents);
        Command<GetOrders>(_ => Sender.Tell(new OrdersView(_login, [], _ready, 0), Self));
        Command<EndSession>(_ => Sender.Tell(new SessionRecorded([.. _book.Open.Select(DescribeLeftover)]), Self));
        Command<GetTaskBook>(_ => Sender.Tell(new TaskBookView(_login, [.. _book.Open], _book.TradeCount, _ready), Self));
        Command<SubmitOrder>(m => Sender.Tell(new OrderRejected(m.Login, m.ClientOrderId, Now, $"login {_login} is a DBot login: it runs automation tasks (task commands), not exchange orders", IsLocal: true), Self));
    }

    /// <inheritdoc />
    public override string PersistenceId => _persistenceId;

    /// <summary>Props of <paramref name="login"/>'s task book (default options: the configured journal).</summary>
    public static Props Props(LoginId login, TaskBookOptions? options = null) =>
        Akka.Actor.Props.Create(() => new TaskBookActor(login, options ?? new TaskBookOptions()));

    private DateTimeOffset Now => _time.GetUtcNow();

    private void OnRecoveryCompleted()
    {
        var stranded = _book.Open.Where(c => !c.IsUnknown).Select(c => c.Issued).OrderBy(i => i.Timestamp).ToList();
        LogRecovered(_log, _login, _book.Open.Count, _book.TradeCount);
        var now = Now;
        foreach (var issued in stranded)
        {
            Record(new TaskCommandUnknown(_login, issued.CommandId, now, issued.Operation, "the engine restarted before the venue answered"));
        }
    }

    private void OnReadiness(ConnectionReadiness readiness)
    {
        var wasReady = _ready;
        _ready = readiness.IsReady;
        if (_ready && !wasReady && (_book.Unknown.Any(c => !LimitTaskResolver.Handles(c.Issued.Operation)) || _pendingEdits.Count > 0 || _listWaiters.Count > 0))
        {
            StartListing("login ready");
        }

        if (_ready && !wasReady && _book.Unknown.Any(c => LimitTaskResolver.Handles(c.Issued.Operation)))
        {
            StartLimitListing("login ready");
        }
    }

    /// <summary>Persists <paramref name="taskEvent"/>, then applies and publishes it and runs <paramref name="then"/>.</summary>
    private void Record(ITaskEvent taskEvent, Action? then = null) =>
        Persist(taskEvent, persisted =>
        {
            _book.Apply(persisted);
            Context.System.EventStream.Publish(persisted);
            then?.Invoke();
        });

    /// <summary>Asks the book for a <see cref="TaskBookView"/> (tests, status).</summary>
    public sealed record GetTaskBook
    {
        /// <summary>The only instance needed.</summary>
        public static GetTaskBook Instance { get; } = new();
    }

    /// <summary>How a drain reports a task command still open at the end of the session (there are no orders to cancel).</summary>
    private static string DescribeLeftover(OpenCommand open) =>
        $"task command {open.Issued.CommandId} {open.Issued.Operation} [{string.Join(", ", open.Issued.TaskIds)}] {(open.IsUnknown ? "unknown" : "awaiting its reply")}";
}
