using Akka.Actor;
using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// The pre-trade check inside one login's order book, called after the symbol rules and before the order is journaled.
/// It holds the latest <see cref="RiskSnapshot"/> from the risk actor (limits, trading states, marks, daily PnL) and
/// the order-rate windows; positions and working orders come from the book itself. Until the first snapshot arrives
/// (no risk actor in the system) nothing is checked. Not thread-safe: owned by the order book actor.
/// </summary>
public sealed class RiskGate
{
    private readonly LoginId _login;
    private readonly OrderRateWindow _rates = new();
    private RiskSnapshot? _snapshot;

    private RiskGate(LoginId login)
    {
        _login = login;
    }

    /// <summary>The latest snapshot; null before the first.</summary>
    public RiskSnapshot? Snapshot => _snapshot;

    /// <summary>
    /// A gate for <paramref name="login"/>'s book whose actor is <paramref name="context"/>'s: subscribes it to the risk
    /// actor at <see cref="RiskActor.Path"/> (absent in systems without one: then the message goes to dead letters).
    /// </summary>
    public static RiskGate Subscribe(IActorContext context, LoginId login)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ActorSelection(RiskActor.Path).Tell(new SubscribeRisk(login), context.Self);
        return new RiskGate(login);
    }

    /// <summary>A gate that checks once given a snapshot (tests, and books built without an actor context).</summary>
    public static RiskGate For(LoginId login) => new(login);

    /// <summary>Takes the risk actor's latest snapshot.</summary>
    public void Update(RiskSnapshot snapshot) => _snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));

    /// <summary>
    /// The first rule <paramref name="order"/> breaks given the book's <paramref name="orders"/>, or null when it may go,
    /// in which case it is counted in its scopes' rate windows.
    /// </summary>
    public RiskBreach? Check(SubmitOrder order, IEnumerable<OrderState> orders, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (_snapshot is not { } snapshot)
        {
            return null;
        }

        var book = orders as IReadOnlyCollection<OrderState> ?? [.. orders];
        var strategy = StrategyNames.Of(order.ClientOrderId);
        var login = RiskScope.OfLogin(_login.Value);
        var states = new List<ScopedState>(3);
        AddState(states, snapshot, RiskScope.Engine, book, order, _ => true);
        AddState(states, snapshot, login, book, order, _ => true);
        if (strategy is not null)
        {
            AddState(states, snapshot, RiskScope.OfStrategy(strategy), book, order, o => StrategyNames.Of(o.ClientOrderId) == strategy);
        }

        var limits = new List<ScopedLimits>(3);
        AddLimits(limits, snapshot, snapshot.Options.Logins, login, book, order, now, _ => true);
        if (strategy is not null)
        {
            AddLimits(limits, snapshot, snapshot.Options.Strategies, RiskScope.OfStrategy(strategy), book, order, now, o => StrategyNames.Of(o.ClientOrderId) == strategy);
        }

        AddLimits(limits, snapshot, snapshot.Options.Symbols, RiskScope.OfSymbol(order.Symbol.Value), book, order, now, o => o.Symbol == order.Symbol);

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

    private static void AddState(
        List<ScopedState> states, RiskSnapshot snapshot, RiskScope scope, IReadOnlyCollection<OrderState> book, SubmitOrder order, Func<OrderState, bool> inScope)
    {
        var state = snapshot.StateOf(scope);
        if (state != TradingState.Active)
        {
            states.Add(new ScopedState(scope, state, ExposureCalculator.Of(book, inScope, order.Symbol, 0, 0m)));
        }
    }

    private void AddLimits(
        List<ScopedLimits> limits,
        RiskSnapshot snapshot,
        IReadOnlyList<RiskLimits> configured,
        RiskScope scope,
        IReadOnlyCollection<OrderState> book,
        SubmitOrder order,
        DateTimeOffset now,
        Func<OrderState, bool> inScope)
    {
        var entry = configured.FirstOrDefault(l => string.Equals(l.Name, scope.Name, StringComparison.Ordinal));
        if (entry is null)
        {
            return;
        }

        var recent = entry.MaxOrders is null ? 0 : _rates.Count(scope, now, entry.RateWindow);
        var pnl = snapshot.DailyPnl.GetValueOrDefault(scope, 0m);
        limits.Add(new ScopedLimits(scope, entry, ExposureCalculator.Of(book, inScope, order.Symbol, recent, pnl)));
    }
}
