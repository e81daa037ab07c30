using Akka.Actor;
using Akka.Persistence;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Risk;
using Engine.Actors.Runtime;
using Engine.Actors.Venues;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>
/// The event-sourced book of one login's own orders (persistence id <c>orders/&lt;login&gt;</c>; every event is tagged
/// <see cref="OrderJournal.Tag"/> by <see cref="OrderJournalTagger"/>, the journal's write event adapter, not here); the <c>orders</c> child of the login's connection, which is its parent and the
/// recipient of <see cref="SendPlace"/>, <see cref="SendCancel"/> and <see cref="ResolutionNeeded"/>.
/// Guarantees:
/// - Write-ahead: an order's <see cref="OrderSubmitted"/> is durable before <see cref="SendPlace"/> leaves; an
///   <see cref="OrderCancelRequested"/> is durable before its <see cref="SendCancel"/>.
/// - Every event is decided by the pure <see cref="OrderBook"/> first: duplicates (fill id; venue order id, status,
///   remaining) and stale reports are neither persisted nor published; invalid transitions are logged, never persisted.
///   The de-duplication state is part of the book, so it survives a restart (rebuilt from snapshot and events).
/// - Decide, apply, then persist asynchronously: every decision sees every earlier decision at once (a cancel right
///   after a submit finds the order) while writes are in flight; every effect (publishing on the event stream,
///   <see cref="SendPlace"/>, <see cref="SendCancel"/>, <see cref="ResolutionNeeded"/>, answers to requesters, the
///   <see cref="GetOrders"/> view) is released only after every event decided before it committed, strictly in
///   journal order (Akka's <c>PersistAsync</c> handlers and <c>DeferAsync</c> run in issue order, each after the
///   writes issued before it). One exception, for latency: the venue's acknowledgement (<see cref="OrderAccepted"/>) is
///   published when decided, since nothing outside the process can depend on it before it commits
///   (<see cref="PublishedBeforeCommit"/>), and written with the book's next write (at most
///   <see cref="OrderBookOptions.AcceptedWriteDelay"/> later), so a round trip pays one commit. A failed or rejected
///   write stops the actor before any later effect escapes (a flag set by
///   <see cref="OnPersistFailure"/>/<see cref="OnPersistRejected"/> silences every handler still queued); the
///   uncommitted in-memory state dies with it and the next incarnation rebuilds from the journal.
/// - Events of one command are decided and applied one after another, each seeing the book after the previous one.
/// - A local rejection (not ready, bad quantity or price, unknown symbol, rules violated) is journaled as
///   <see cref="OrderSubmitted"/> followed by <see cref="OrderRejected"/> (IsLocal), so the audit sees every refused
///   command; both are published, the rejection is also the sender's answer, nothing is sent, and the client order
///   id stays taken. A duplicate client order id or a command for
///   another login cannot be journaled in this stream: it is answered and published, not persisted.
/// - A cancel for an order whose venue id is not known yet (Submitted, Unknown) is recorded at once
///   (<see cref="OrderCancelRequested"/>) and sent as soon as a place reply, report or reconciliation reveals the id.
/// - A timeout, disconnect or unreadable reply never becomes a rejection: the order becomes Unknown and the parent is
///   asked to resolve it (<see cref="ResolutionNeeded"/>). After recovery, orders still waiting for their place reply
///   become Unknown (no reply will reach this incarnation), and every working or Unknown order is sent for resolution.
/// - A failed journal write stops the actor (Akka's rule), and so does a rejected one (Akka would keep going; this
///   actor overrides <see cref="OnPersistRejected"/>). A failed recovery (journal error, unknown manifest, an old event
///   version that no read event adapter upcast) is logged and stops the actor.
/// - Snapshots every <see cref="OrderBookOptions.SnapshotEvery"/> events (see <c>SnapshotIfDue</c>); after each saved
///   one, older snapshots beyond the newest <see cref="OrderBookOptions.KeepSnapshots"/> are deleted.
/// - Time comes from <c>Context.Engine().Time</c>.
/// Threading: an actor; all state is touched only by its own handlers.
/// </summary>
public sealed partial class OrderBookActor : ReceivePersistentActor, IWithTimers
{
    private readonly LoginId _login;
    private readonly OrderBookOptions _options;
    private readonly string _persistenceId;
    private readonly OrderBook _book;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly RiskGate _risk;
    private readonly string _node;
    private ConnectionReadiness? _readiness;
    private int _eventsSinceSnapshot;

    /// <summary>
    /// Creates the actor; use <see cref="Props(LoginId, OrderBookOptions)"/>. Null or empty plugin ids select the
    /// configured default journal and snapshot store.
    /// </summary>
    public OrderBookActor(LoginId login, OrderBookOptions options, string? journalPluginId, string? snapshotPluginId)
    {
        ArgumentNullException.ThrowIfNull(options);
        _login = login;
        _options = options;
        _persistenceId = OrderJournal.PersistenceIdOf(login);
        _book = new OrderBook(login);
        _time = Context.Engine().Time;
        _log = Context.CreateLogger<OrderBookActor>();
        _risk = RiskGate.Subscribe(Context, login);
        _node = Monitoring.NodeName.Of(Context.System);
        if (!string.IsNullOrEmpty(journalPluginId))
        {
            JournalPluginId = journalPluginId;
        }

        if (!string.IsNullOrEmpty(snapshotPluginId))
        {
            SnapshotPluginId = snapshotPluginId;
        }

        Recover<SnapshotOffer>(OnSnapshotOffer);
        Recover<IOrderEvent>(OnRecoverEvent);
        Recover<OutdatedJournalEvent>(OnOutdatedEvent);
        Recover<RecoveryCompleted>(_ => OnRecoveryCompleted());

        Command<ConnectionReadiness>(r => _readiness = r);
        Command<Engine.Messages.Accounts.BalanceChanged>(OnReconciledBalance);
        Command<RiskSnapshot>(OnRiskSnapshot);
        Command<ActorIdentity>(OnRiskIdentity);
        Command<SubmitOrder>(WhenRiskKnown<SubmitOrder>(OnTracedSubmit));
        Command<PlaceOutcome>(OnPlaceOutcome);
        Command<SubmitOrders>(WhenRiskKnown<SubmitOrders>(OnSubmitBatch));
        Command<VenueRequestOutcome>(OnVenueRequestOutcome);
        Command<CancelOrder>(WhenRiskKnown<CancelOrder>(OnCancel));
        Command<CancelAllOrders>(WhenRiskKnown<CancelAllOrders>(OnCancelAll));
        Command<CancelOutcome>(OnCancelOutcome);
        Command<VenueReports>(OnVenueReports);
        Command<ExpireHeldReports>(_ => OnExpireHeld());
        Command<WriteAccepted>(_ =>
        {
            _writeAcceptedArmed = false;
            WriteUnwritten();
        });
        Command<ReconcileOpenOrders>(OnReconcile);
        Command<OrderStatusResolved>(OnOrderStatusResolved);
        Command<EndSession>(OnEndSession);
        Command<GetOrders>(_ => TellAfterCommit(Sender, View()));
        Command<SaveSnapshotSuccess>(OnSnapshotSaved);
        Command<SaveSnapshotFailure>(OnSnapshotFailed);
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(OnSnapshotsNotDeleted);
    }

    /// <inheritdoc />
    public override string PersistenceId => _persistenceId;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Props of the book of <paramref name="login"/> on the configured default journal and snapshot store; create it
    /// as the <c>orders</c> child of the login's connection.
    /// </summary>
    public static Props Props(LoginId login, OrderBookOptions options) => Props(login, options, null, null);

    /// <summary>
    /// Props of the book of <paramref name="login"/> on the journal and snapshot store plugins at the given config
    /// paths (e.g. <c>akka.persistence.journal.inmem</c>); null selects the configured default.
    /// </summary>
    public static Props Props(LoginId login, OrderBookOptions options, string? journalPluginId, string? snapshotPluginId)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Akka.Actor.Props.Create(() => new OrderBookActor(login, options, journalPluginId, snapshotPluginId));
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private OrdersView View() => new(
        _login,
        [.. _book.Orders.OrderBy(o => o.CreatedAt).ThenBy(o => o.ClientOrderId.Value, StringComparer.Ordinal)],
        _readiness?.IsReady ?? false,
        _book.HeldCount);

    private void Publish(IOrderEvent orderEvent) => Context.System.EventStream.Publish(orderEvent);

    /// <summary>Timer message: drop held reports older than <see cref="OrderBookOptions.HeldReportTimeout"/>.</summary>
    private sealed record ExpireHeldReports;

    /// <summary>From the engine clock's timer: write the acknowledgements still held back (<see cref="OrderBookOptions.AcceptedWriteDelay"/>).</summary>
    private sealed record WriteAccepted
    {
        public static WriteAccepted Instance { get; } = new();
    }
}
