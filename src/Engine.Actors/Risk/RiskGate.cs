using Akka.Actor;
using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// The pre-trade check inside one login's order book, called after the symbol rules and before the order is journaled.
/// It holds the latest <see cref="RiskSnapshot"/> from the risk actor (limits, trading states, marks, daily PnL), the
/// order-rate windows and the book's <see cref="ExposureCounters"/> (kept current by the book, event by event, through
/// <see cref="Track"/> and <see cref="Reset"/>), so a check costs the same whatever the book holds.
/// Until it knows its limits it is not <see cref="IsOpen"/>: the book holds its orders back meanwhile, and an order
/// checked anyway is refused (<see cref="RiskRules.NotReady"/>). It opens at the first snapshot, or when the risk actor
/// turns out to be absent from the system (<see cref="Absent"/>: an engine built without risk limits; nothing is
/// checked then). Not thread-safe: owned by the order book actor.
/// </summary>
public sealed class RiskGate
{
    /// <summary>The correlation id of the gate's <see cref="Identify"/> of the risk actor.</summary>
    public const string IdentifyId = "risk-gate";

    private readonly LoginId _login;
    private readonly OrderRateWindow _rates = new();
    private readonly ExposureCounters _counters;
    private RiskSnapshot? _snapshot;
    private bool _absent;

    private RiskGate(LoginId login)
    {
        _login = login;
        _counters = new ExposureCounters(login);
    }

    /// <summary>The latest snapshot; null before the first.</summary>
    public RiskSnapshot? Snapshot => _snapshot;

    /// <summary>Whether orders may be checked now: a snapshot arrived, or the system has no risk actor.</summary>
    public bool IsOpen => _snapshot is not null || _absent;

    /// <summary>
    /// A gate for <paramref name="login"/>'s book whose actor is <paramref name="context"/>'s: subscribes it to the risk
    /// actor at <see cref="RiskActor.Path"/> and asks whether that actor exists (<see cref="Identify"/> with
    /// <see cref="IdentifyId"/>; the answer goes to the book, which hands it to <see cref="Absent"/>).
    /// </summary>
    public static RiskGate Subscribe(IActorContext context, LoginId login)
    {
        ArgumentNullException.ThrowIfNull(context);
        var risk = context.ActorSelection(RiskActor.Path);
        risk.Tell(new SubscribeRisk(login), context.Self);
        risk.Tell(new Identify(IdentifyId), context.Self);
        return new RiskGate(login);
    }

    /// <summary>A gate that opens once given a snapshot (tests, and books built without an actor context).</summary>
    public static RiskGate For(LoginId login) => new(login);

    /// <summary>Takes the risk actor's latest snapshot.</summary>
    public void Update(RiskSnapshot snapshot) => _snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));

    /// <summary>
    /// Takes the answer to the gate's <see cref="Identify"/>: when no risk actor exists, the gate opens without limits.
    /// Returns whether the answer was the gate's.
    /// </summary>
    public bool Absent(ActorIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (!Equals(identity.MessageId, IdentifyId))
        {
            return false;
        }

        _absent |= identity.Subject is null;
        return true;
    }

    /// <summary>One order of the book changed from <paramref name="before"/> to <paramref name="after"/> (null: absent).</summary>
    public void Track(OrderState? before, OrderState? after) => _counters.Replace(before, after);

    /// <summary>The book was restored to <paramref name="orders"/>.</summary>
    public void Reset(IEnumerable<OrderState> orders) => _counters.Reset(orders);

    /// <summary>
    /// The first rule <paramref name="order"/> breaks given what the book holds, or null when it may go, in which case
    /// it is counted in its scopes' rate windows. Before the gate <see cref="IsOpen"/> every order breaks
    /// <see cref="RiskRules.NotReady"/>: nothing passes unchecked. Null while the gate is open without a risk actor.
    /// </summary>
    public RiskBreach? Check(SubmitOrder order, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_snapshot is not { } snapshot)
        {
            return IsOpen
                ? null
                : new RiskBreach(
                    RiskRules.NotReady,
                    RiskScope.OfLogin(_login.Value).ToString(),
                    null,
                    null,
                    $"the risk engine has not sent the limits of login {_login} yet (it is still reading the journal); the order is refused, not sent unchecked");
        }

        var strategy = StrategyNames.Of(order.ClientOrderId);
        var login = RiskScope.OfLogin(_login.Value);
        var states = new List<ScopedState>(3);
        AddState(states, snapshot, RiskScope.Engine, login, order);
        AddState(states, snapshot, login, login, order);
        if (strategy is not null)
        {
            var scope = RiskScope.OfStrategy(strategy);
            AddState(states, snapshot, scope, scope, order);
        }

        var limits = new List<ScopedLimits>(3);
        AddLimits(limits, snapshot, snapshot.Options.Logins, login, order, now);
        if (strategy is not null)
        {
            AddLimits(limits, snapshot, snapshot.Options.Strategies, RiskScope.OfStrategy(strategy), order, now);
        }

        AddLimits(limits, snapshot, snapshot.Options.Symbols, RiskScope.OfSymbol(order.Symbol.Value), order, now);

        var breach = RiskEngine.Check(new RiskCheck(order, snapshot.MarkOf(_login, order.Symbol), states, limits));
        if (breach is null)
        {
            foreach (var scoped in limits.Where(l => l.Limits.MaxOrders is not null))
            {
                _rates.Record(scoped.Scope, now);
            }
        }

        return breach;
    }

    /// <summary>
    /// Adds the state of <paramref name="scope"/> when not Active, with what <paramref name="holder"/> holds (the engine's
    /// state is judged on the book's own orders: one book sees one login).
    /// </summary>
    private void AddState(List<ScopedState> states, RiskSnapshot snapshot, RiskScope scope, RiskScope holder, SubmitOrder order)
    {
        var state = snapshot.StateOf(scope);
        if (state != TradingState.Active)
        {
            states.Add(new ScopedState(scope, state, _counters.Of(holder, order.Symbol, 0, 0m)));
        }
    }

    private void AddLimits(List<ScopedLimits> limits, RiskSnapshot snapshot, IReadOnlyList<RiskLimits> configured, RiskScope scope, SubmitOrder order, DateTimeOffset now)
    {
        var entry = configured.FirstOrDefault(l => string.Equals(l.Name, scope.Name, StringComparison.Ordinal));
        if (entry is null)
        {
            return;
        }

        var recent = entry.MaxOrders is null ? 0 : _rates.Count(scope, now, entry.RateWindow);
        var pnl = snapshot.DailyPnl.GetValueOrDefault(scope, 0m);
        limits.Add(new ScopedLimits(scope, entry, _counters.Of(scope, order.Symbol, recent, pnl)));
    }
}
