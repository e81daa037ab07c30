using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Actors.MarketData;
using Engine.Actors.Risk;
using Engine.Actors.Runtime;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Messages.Risk;
using Engine.Persistence.Plugin;

namespace Engine.Actors.Monitoring;

/// <summary>
/// Turns what the engine publishes on its event stream into <see cref="System.Diagnostics.Metrics"/> instruments of the
/// meter <see cref="MetricsNames.Meter"/> and one <see cref="Activity"/> per order (source <see cref="MetricsNames.Orders"/>):
/// - <c>engine.orders.submitted</c>, <c>engine.orders.rejected</c> (tag <c>reason</c>: the risk rule, <c>local</c> or
///   <c>venue</c>), <c>engine.fills</c>, <c>engine.orders.round_trip</c> (submit to venue ack, ms),
///   <c>engine.orders.submit_to_fill</c> (submit to first fill, ms);
/// - <c>engine.connection.state</c> (gauge per login: the <see cref="ConnectionState"/> number), <c>engine.connection.reconnects</c>;
/// - <c>engine.budget.exhausted</c> (requests queued by a full rate window, tag <c>window</c>);
/// - <c>engine.budget.used</c> and <c>engine.budget.limit</c> (gauges per login and window, from
///   <see cref="BudgetUsageSampled"/>);
/// - <c>engine.risk.state</c> (gauge per scope: 0 Active, 1 Reducing, 2 Halted), <c>engine.risk.state_changes</c>;
/// - <c>engine.journal.commit</c> (ms from a journal write's call to its commit, tag <c>plugin</c>, from
///   <see cref="JournalWriteCommitted"/>; the engine's journal plugin publishes it);
/// - <c>engine.marketdata.resyncs</c> (local books resynced, tags <c>feed</c>, <c>symbol</c>, <c>cause</c>, from
///   <see cref="BookResynced"/>).
/// The order's lifecycle span (<c>order</c>) starts at the order's submit time once its <see cref="OrderSubmitted"/> is
/// journaled (event <c>journaled</c>, at the engine clock's now) and ends at its terminal event, with the venue's
/// acknowledgement and each fill as activity events; it is a child of the strategy's <c>order.submit</c> span when the
/// order came traced (<see cref="OrderTraces"/>), so one trace covers strategy, gate, journal, acknowledgement and fills. The meter is this actor's own (one per actor system),
/// disposed when it stops. Times are the events' own timestamps (the "journaled" mark: the engine clock). Threading: an actor; the gauges read snapshots.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "An actor's end of life is PostStop, which disposes them.")]
public sealed class MetricsActor : ReceiveActor
{
    private readonly Meter _meter;
    private readonly TimeProvider _time;
    private readonly OrderTraces _traces;
    private readonly ActivitySource _source;
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _fills;
    private readonly Histogram<double> _roundTrip;
    private readonly Histogram<double> _submitToFill;
    private readonly Counter<long> _reconnects;
    private readonly Counter<long> _budgetExhausted;
    private readonly Counter<long> _stateChanges;
    private readonly Histogram<double> _journalCommit;
    private readonly Counter<long> _resyncs;
    private readonly Dictionary<(string Login, string Window), BudgetWindowUsage> _budget = [];
    private volatile KeyValuePair<(string Login, string Window), BudgetWindowUsage>[] _budgetUsage = [];
    private readonly Dictionary<(string Login, string Id), OrderTrace> _orders = [];
    private volatile KeyValuePair<string, int>[] _connectionStates = [];
    private volatile KeyValuePair<string, int>[] _riskStates = [new(RiskScope.Engine.ToString(), (int)TradingState.Active)];
    private readonly Dictionary<string, int> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _risk = new(StringComparer.Ordinal) { [RiskScope.Engine.ToString()] = (int)TradingState.Active };

    /// <summary>Created by <see cref="Props"/>.</summary>
    public MetricsActor()
    {
        _meter = new Meter(MetricsNames.Meter);
        _time = Context.Engine().Time;
        _traces = OrderTraces.Get(Context.System);
        _source = new ActivitySource(MetricsNames.Orders);
        _submitted = _meter.CreateCounter<long>("engine.orders.submitted", "{order}", "Orders journaled (write-ahead), refused ones included");
        _rejected = _meter.CreateCounter<long>("engine.orders.rejected", "{order}", "Rejected orders, by reason (risk rule, local, venue)");
        _fills = _meter.CreateCounter<long>("engine.fills", "{fill}", "Distinct fills");
        _roundTrip = _meter.CreateHistogram<double>("engine.orders.round_trip", "ms", "From the order's submit to the venue's acknowledgement");
        _submitToFill = _meter.CreateHistogram<double>("engine.orders.submit_to_fill", "ms", "From the order's submit to its first fill");
        _reconnects = _meter.CreateCounter<long>("engine.connection.reconnects", "{reconnect}", "Connections lost and being re-established");
        _budgetExhausted = _meter.CreateCounter<long>("engine.budget.exhausted", "{request}", "Requests queued because a rate window was full");
        _stateChanges = _meter.CreateCounter<long>("engine.risk.state_changes", "{change}", "Trading-state changes, by scope kind and new state");
        _meter.CreateObservableGauge("engine.connection.state", () => _connectionStates.Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("login", p.Key))), description: "Connection state per login: 0 Disconnected, 1 Connecting, 2 Authenticating, 3 Ready, 4 Reconnecting, 5 Stopped");
        _journalCommit = _meter.CreateHistogram<double>("engine.journal.commit", "ms", "From a journal write's call to its commit (queueing, group commit, transaction and fsync)");
        _resyncs = _meter.CreateCounter<long>("engine.marketdata.resyncs", "{resync}", "Local order books resynced after a gap or a crossed book, by feed, symbol and cause");
        _meter.CreateObservableGauge("engine.budget.used", () => BudgetMeasurements(u => u.Used), "{unit}", "Units used in the current interval of each rate window, per login and window");
        _meter.CreateObservableGauge("engine.budget.limit", () => BudgetMeasurements(u => u.Limit), "{unit}", "Units each rate window allows per interval, per login and window");
        _meter.CreateObservableGauge("engine.risk.state", () => _riskStates.Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("scope", p.Key))), description: "Trading state per scope: 0 Active, 1 Reducing, 2 Halted");

        Receive<OrderSubmitted>(OnSubmitted);
        Receive<OrderAccepted>(OnAccepted);
        Receive<OrderRejected>(OnRejected);
        Receive<OrderPartiallyFilled>(f => OnFill(f, f.Price, f.Quantity, terminal: false));
        Receive<OrderFilled>(f => OnFill(f, f.Price, f.Quantity, terminal: true));
        Receive<OrderCanceled>(e => End(e, "canceled"));
        Receive<OrderExpired>(e => End(e, "expired"));
        Receive<ConnectionStateChanged>(OnConnectionState);
        Receive<RequestBudgetExhausted>(e => _budgetExhausted.Add(1, new KeyValuePair<string, object?>("login", e.Login.Value), new KeyValuePair<string, object?>("window", e.Window)));
        Receive<TradingStateChanged>(OnTradingState);
        Receive<JournalWriteCommitted>(c => _journalCommit.Record(c.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("plugin", c.PluginId)));
        Receive<BookResynced>(r => _resyncs.Add(
            1,
            new KeyValuePair<string, object?>("feed", r.Feed.Value),
            new KeyValuePair<string, object?>("symbol", r.Symbol.Value),
            new KeyValuePair<string, object?>("cause", r.Cause)));
        Receive<BudgetUsageSampled>(OnBudgetUsage);
        Receive<IEngineEvent>(_ => { });
    }

    /// <summary>Props of the metrics actor; create one per actor system.</summary>
    public static Props Props() => Akka.Actor.Props.Create(() => new MetricsActor());

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(IEngineEvent));
        Context.System.EventStream.Subscribe(Self, typeof(JournalWriteCommitted));
        Context.System.EventStream.Subscribe(Self, typeof(BookResynced));
        Context.System.EventStream.Subscribe(Self, typeof(BudgetUsageSampled));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        foreach (var trace in _orders.Values)
        {
            trace.Activity?.Dispose();
        }

        _source.Dispose();
        _meter.Dispose();
    }

    private void OnSubmitted(OrderSubmitted submitted)
    {
        var login = new KeyValuePair<string, object?>("login", submitted.Login.Value);
        _submitted.Add(1, login, new KeyValuePair<string, object?>("strategy", StrategyNames.Of(submitted.ClientOrderId) ?? "none"));
        var parent = _traces.Take(submitted.Login, submitted.ClientOrderId);
        var activity = _source.StartActivity("order", ActivityKind.Internal, parent, startTime: submitted.Timestamp);
        activity?.AddEvent(new ActivityEvent("journaled", _time.GetUtcNow()));
        activity?.SetTag("engine.login", submitted.Login.Value);
        activity?.SetTag("engine.client_order_id", submitted.ClientOrderId.Value);
        activity?.SetTag("engine.symbol", submitted.Symbol.Value);
        activity?.SetTag("engine.side", submitted.Side.ToString());
        _orders[Key(submitted)] = new OrderTrace(submitted.Timestamp, activity);
    }

    private void OnAccepted(OrderAccepted accepted)
    {
        if (_orders.TryGetValue(Key(accepted), out var trace) && !trace.Acknowledged)
        {
            _roundTrip.Record((accepted.Timestamp - trace.SubmittedAt).TotalMilliseconds, new KeyValuePair<string, object?>("login", accepted.Login.Value));
            trace.Activity?.AddEvent(new ActivityEvent("accepted", accepted.Timestamp));
            _orders[Key(accepted)] = trace with { Acknowledged = true };
        }
    }

    private void OnRejected(OrderRejected rejected)
    {
        var reason = rejected.Breach?.Rule ?? (rejected.IsLocal ? "local" : "venue");
        _rejected.Add(1, new KeyValuePair<string, object?>("login", rejected.Login.Value), new KeyValuePair<string, object?>("reason", reason));
        if (_orders.TryGetValue(Key(rejected), out var trace))
        {
            trace.Activity?.SetStatus(ActivityStatusCode.Error, reason);
        }

        End(rejected, "rejected");
    }

    private void OnFill(IOrderEvent fill, decimal price, decimal quantity, bool terminal)
    {
        _fills.Add(1, new KeyValuePair<string, object?>("login", fill.Login.Value));
        if (_orders.TryGetValue(Key(fill), out var trace))
        {
            if (!trace.Filled)
            {
                _submitToFill.Record((fill.Timestamp - trace.SubmittedAt).TotalMilliseconds, new KeyValuePair<string, object?>("login", fill.Login.Value));
                _orders[Key(fill)] = trace with { Filled = true };
            }

            trace.Activity?.AddEvent(new ActivityEvent("fill", fill.Timestamp, [new("price", price), new("quantity", quantity)]));
        }

        if (terminal)
        {
            End(fill, "filled");
        }
    }

    private void End(IOrderEvent orderEvent, string outcome)
    {
        if (_orders.Remove(Key(orderEvent), out var trace) && trace.Activity is { } activity)
        {
            activity.SetTag("engine.outcome", outcome);
            activity.SetEndTime(orderEvent.Timestamp.UtcDateTime);
            activity.Stop();
        }
    }

    private void OnConnectionState(ConnectionStateChanged changed)
    {
        if (changed.State == ConnectionState.Reconnecting && _connections.GetValueOrDefault(changed.Login.Value, -1) != (int)ConnectionState.Reconnecting)
        {
            _reconnects.Add(1, new KeyValuePair<string, object?>("login", changed.Login.Value));
        }

        _connections[changed.Login.Value] = (int)changed.State;
        _connectionStates = [.. _connections];
    }

    private void OnTradingState(TradingStateChanged changed)
    {
        _stateChanges.Add(1, new KeyValuePair<string, object?>("scope_kind", changed.Scope.Kind.ToString()), new KeyValuePair<string, object?>("state", changed.To.ToString()));
        _risk[changed.Scope.ToString()] = (int)changed.To;
        _riskStates = [.. _risk];
    }

    private void OnBudgetUsage(BudgetUsageSampled sampled)
    {
        foreach (var window in sampled.Windows)
        {
            _budget[(sampled.Login.Value, window.Window)] = window;
        }

        _budgetUsage = [.. _budget];
    }

    private IEnumerable<Measurement<int>> BudgetMeasurements(Func<BudgetWindowUsage, int> value) =>
        _budgetUsage.Select(p => new Measurement<int>(
            value(p.Value), new KeyValuePair<string, object?>("login", p.Key.Login), new KeyValuePair<string, object?>("window", p.Key.Window)));

    private static (string, string) Key(IOrderEvent e) => (e.Login.Value, e.ClientOrderId.Value);

    private sealed record OrderTrace(DateTimeOffset SubmittedAt, Activity? Activity, bool Acknowledged = false, bool Filled = false);
}
