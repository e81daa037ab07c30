using System.Collections.Immutable;
using Akka;
using Akka.Actor;
using Akka.Persistence;
using Akka.Streams.Dsl;
using Engine.Actors.Monitoring;
using Engine.Actors.Runtime;
using Engine.Messages;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Risk;

/// <summary>
/// The engine's risk engine (<c>/user/risk</c>, persistence id <see cref="RiskJournal.PersistenceId"/>): owns the
/// trading states of the engine, of each login and of each strategy, and the automatic triggers that change them.
/// Guarantees:
/// - Every state change is journaled (<see cref="TradingStateChanged"/>, with who or what caused it) before it takes
///   effect; then it is published on the event stream and pushed to every subscribed order book.
/// - Order books subscribe with <see cref="SubscribeRisk"/> and get a <see cref="RiskSnapshot"/> at once and after every
///   change of states, marks or daily PnL; the pre-trade check runs in the book (<see cref="RiskGate"/>).
/// - A halt with <see cref="TradingStateChanged.CancelWorkingOrders"/> cancels the scope's working orders through the
///   connections actor: every order of a login (<see cref="CancelAllOrders"/>), or each order of a strategy.
/// - Triggers (on the injected clock, timers on Akka's scheduler, so virtual time drives them in tests): the daily loss
///   of a login or strategy reaching its <see cref="RiskLimits.MaxDailyLoss"/> (checked on every fill);
///   <see cref="RiskOptions.MaxConsecutiveRejects"/> venue rejections in a row on a login; a login non-Ready for longer
///   than <see cref="RiskOptions.LoginNotReadyHaltAfter"/>. Each halts its scope with cause <c>risk</c>.
/// - Trading states survive restarts (its own journal). Positions, daily PnL, last fill prices and rejection streaks
///   (<see cref="RiskLedger"/>) survive too when it is given the order journal: after its own recovery it reads every
///   journaled order event (Akka.Persistence.Query by tag, <see cref="Monitoring.OrderJournalCatchUp"/>), having
///   subscribed to the live ones first, and only then answers anything else (subscriptions, commands, questions are
///   stashed meanwhile), so no order book gets limits computed over an empty ledger. Then the daily-loss trigger is
///   checked once. Live events that arrived during the read are applied after it; the ledger counts each once.
/// Threading: an actor.
/// </summary>
public sealed partial class RiskActor : ReceivePersistentActor, IWithTimers
{
    /// <summary>Name under <c>/user</c>.</summary>
    public const string Name = "risk";

    /// <summary>Where order books find it.</summary>
    public const string Path = "/user/" + Name;

    /// <summary>Who automatic triggers are journaled as.</summary>
    public const string TriggerActor = "risk";

    private readonly RiskOptions _options;
    private readonly ActorSelection _connections;
    private readonly IMarkPriceSource? _feed;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly TradingStateBoard _board = new();
    private readonly RiskLedger _ledger = new();
    private readonly Dictionary<RiskScope, TradingStateChanged> _lastChange = [];
    private readonly Dictionary<IActorRef, LoginId> _subscribers = [];
    private readonly Dictionary<LoginId, DateTimeOffset> _notReadySince = [];
    private readonly Func<ActorSystem, Source<IEngineEvent, NotUsed>>? _journaled;

    /// <summary>Created by <see cref="Props"/> only.</summary>
    public RiskActor(
        RiskOptions options, string connectionsPath, IMarkPriceSource? feed, string? journalPluginId, Func<ActorSystem, Source<IEngineEvent, NotUsed>>? journaled)
    {
        _options = options;
        _connections = Context.ActorSelection(connectionsPath);
        _feed = feed;
        _time = Context.Engine().Time;
        _log = Context.CreateLogger<RiskActor>();
        _journaled = journaled;
        if (!string.IsNullOrEmpty(journalPluginId))
        {
            JournalPluginId = journalPluginId;
        }

        Recover<TradingStateChanged>(Apply);
        if (journaled is null)
        {
            Live();
        }
        else
        {
            CatchingUp();
        }
    }

    private void Live()
    {
        Command<SubscribeRisk>(OnSubscribe);
        Command<Terminated>(t => _subscribers.Remove(t.ActorRef));
        Command<SetTradingState>(OnSetTradingState);
        Command<GetRiskStatus>(_ => Sender.Tell(Status(), Self));
        Command<IOrderEvent>(OnOrderEvent);
        Command<ConnectionStateChanged>(OnConnectionState);
        Command<NotReadyTooLong>(OnNotReadyTooLong);
    }

    /// <inheritdoc />
    public override string PersistenceId => RiskJournal.PersistenceId;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Props of the risk actor; create it as <see cref="Name"/> under <c>/user</c>, before the engine's order books.
    /// </summary>
    /// <param name="options">Limits and triggers.</param>
    /// <param name="connectionsPath">Where cancels go (<c>/user/engine/connections</c>).</param>
    /// <param name="feed">Marks from market data; null marks at the last fill price.</param>
    /// <param name="journalPluginId">The journal plugin's config path; null for the configured default.</param>
    /// <param name="readJournalPluginId">
    /// The read journal (e.g. <c>akka.persistence.query.journal.sql</c>) to rebuild the ledger from the order journal at
    /// start; null starts with an empty ledger.
    /// </param>
    public static Props Props(
        RiskOptions options, string connectionsPath = "/user/engine/connections", IMarkPriceSource? feed = null, string? journalPluginId = null, string? readJournalPluginId = null) =>
        Props(options, connectionsPath, feed, journalPluginId, readJournalPluginId is null ? null : JournalOf(readJournalPluginId));

    /// <summary>Props that rebuild the ledger from the events of <paramref name="journaled"/> (when given) before anything else.</summary>
    public static Props Props(
        RiskOptions options, string connectionsPath, IMarkPriceSource? feed, string? journalPluginId, Func<ActorSystem, Source<IEngineEvent, NotUsed>>? journaled)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(connectionsPath);
        return Akka.Actor.Props.Create(() => new RiskActor(options, connectionsPath, feed, journalPluginId, journaled));
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private static Func<ActorSystem, Source<IEngineEvent, NotUsed>> JournalOf(string readJournalPluginId) =>
        system => OrderJournalCatchUp.Current(system, readJournalPluginId);

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        Context.System.EventStream.Subscribe(Self, typeof(IOrderEvent));
        Context.System.EventStream.Subscribe(Self, typeof(ConnectionStateChanged));
        if (_journaled is not null)
        {
            StartCatchUp(_journaled);
        }
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        base.PostStop();
    }

    private void Apply(TradingStateChanged changed)
    {
        _board.Apply(changed);
        _lastChange[changed.Scope] = changed;
    }

    private void OnSubscribe(SubscribeRisk subscribe)
    {
        _subscribers[Sender] = subscribe.Login;
        Context.Watch(Sender);
        Sender.Tell(SnapshotFor(subscribe.Login), Self);
    }

    private void OnSetTradingState(SetTradingState command)
    {
        if (command.Scope.Kind == RiskScopeKind.Symbol)
        {
            Sender.Tell(new TradingStateUnchanged(command.Scope, command.State, $"{command.Scope} has no trading state; expected engine, login:<name> or strategy:<name>"), Self);
            return;
        }

        Change(command.Scope, command.State, command.By, command.Reason, command.CancelWorkingOrders ?? _options.HaltCancelsWorkingOrders, Sender);
    }

    /// <summary>Journals the change of <paramref name="scope"/> to <paramref name="state"/>, then applies and announces it.</summary>
    private void Change(RiskScope scope, TradingState state, string by, string cause, bool cancelWorkingOrders, IActorRef? replyTo)
    {
        if (_board.Decide(scope, state, Now, by, cause, cancelWorkingOrders) is not { } changed)
        {
            replyTo?.Tell(new TradingStateUnchanged(scope, state), Self);
            return;
        }

        Persist(changed, persisted =>
        {
            Apply(persisted);
            LogStateChanged(_log, persisted.Scope.ToString(), persisted.From, persisted.To, persisted.By, persisted.Cause);
            Context.System.EventStream.Publish(persisted);
            PushSnapshots();
            if (persisted.CancelWorkingOrders)
            {
                CancelWorkingOrders(persisted.Scope);
            }

            replyTo?.Tell(persisted, Self);
        });
    }

    private void CancelWorkingOrders(RiskScope scope)
    {
        var now = Now;
        switch (scope.Kind)
        {
            case RiskScopeKind.Engine:
                foreach (var login in _ledger.Logins.Concat(_subscribers.Values).Distinct())
                {
                    _connections.Tell(new CancelAllOrders(login, now), Self);
                }

                break;
            case RiskScopeKind.Login:
                _connections.Tell(new CancelAllOrders(new LoginId(scope.Name), now), Self);
                break;
            case RiskScopeKind.Strategy:
                foreach (var order in _ledger.WorkingOrders.Where(o => o.Strategy == scope.Name).ToList())
                {
                    _connections.Tell(new CancelOrder(order.Login, order.ClientOrderId, now), Self);
                }

                break;
        }
    }

    private decimal? MarkOf(LoginId login, Symbol symbol) => _feed?.MarkOf(login, symbol) ?? _ledger.LastFill(login, symbol);

    private void PushSnapshots()
    {
        foreach (var (subscriber, login) in _subscribers)
        {
            subscriber.Tell(SnapshotFor(login), Self);
        }
    }

    private RiskSnapshot SnapshotFor(LoginId login)
    {
        var marks = _ledger.Keys
            .Where(k => k.Login == login)
            .Select(k => k.Symbol)
            .Distinct()
            .Select(s => (Symbol: s, Mark: MarkOf(login, s)))
            .Where(m => m.Mark is not null)
            .ToImmutableDictionary(m => m.Symbol, m => m.Mark!.Value);
        return new RiskSnapshot(_options, _board.States, marks, DailyPnlOfLimitedScopes(), _feed);
    }

    private ImmutableDictionary<RiskScope, decimal> DailyPnlOfLimitedScopes()
    {
        var pnl = ImmutableDictionary.CreateBuilder<RiskScope, decimal>();
        foreach (var scope in LimitedScopes().Where(s => s.Limits.MaxDailyLoss is not null).Select(s => s.Scope))
        {
            pnl[scope] = _ledger.DailyPnl(scope, MarkOf);
        }

        return pnl.ToImmutable();
    }

    private IEnumerable<(RiskScope Scope, RiskLimits Limits)> LimitedScopes() =>
        _options.Logins.Select(l => (RiskScope.OfLogin(l.Name), l))
            .Concat(_options.Strategies.Select(l => (RiskScope.OfStrategy(l.Name), l)))
            .Concat(_options.Symbols.Select(l => (RiskScope.OfSymbol(l.Name), l)));

    private RiskStatus Status()
    {
        var now = Now;
        _ledger.RollDay(now, MarkOf);
        var scopes = new List<RiskScope> { RiskScope.Engine };
        scopes.AddRange(_ledger.Logins.Concat(_subscribers.Values).Distinct().OrderBy(l => l.Value, StringComparer.Ordinal).Select(l => RiskScope.OfLogin(l.Value)));
        scopes.AddRange(_ledger.Keys.Select(k => k.Strategy).OfType<string>().Distinct().Order(StringComparer.Ordinal).Select(RiskScope.OfStrategy));
        scopes.AddRange(_board.States.Keys.Concat(_lastChange.Keys).Where(s => !scopes.Contains(s)).Distinct());
        return new RiskStatus(
            now,
            [.. scopes.Select(s => new ScopeStatus(s.ToString(), _board.StateOf(s), _ledger.DailyPnl(s, MarkOf), _lastChange.GetValueOrDefault(s)))],
            [.. _ledger.Keys
                .OrderBy(k => k.Login.Value, StringComparer.Ordinal).ThenBy(k => k.Strategy, StringComparer.Ordinal).ThenBy(k => k.Symbol.Value, StringComparer.Ordinal)
                .Select(k => new RiskPosition(k.Login.Value, k.Strategy, k.Symbol.Value, _ledger.PositionOf(k), MarkOf(k.Login, k.Symbol), _ledger.DailyPnlOf(k, MarkOf(k.Login, k.Symbol))))],
            _ledger.Logins.ToImmutableDictionary(l => l.Value, _ledger.RejectStreak),
            _notReadySince.ToImmutableDictionary(p => p.Key.Value, p => p.Value),
            _options);
    }
}
