using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// What one login's orders hold, per risk scope, kept up to date event by event so the pre-trade check reads it without
/// scanning the book: working orders per scope, and per scope and symbol the filled net position and the remaining
/// quantity of working buys and sells. The scopes of an order are its login, its strategy (<see cref="StrategyNames"/>)
/// and its symbol. Each change is given as the order before and after it (<see cref="Replace"/>): the old order's
/// contribution is taken out and the new one's put in, so the counters always equal a full scan of the book
/// (<see cref="ExposureCalculator"/>; a seeded property test pins it). Not thread-safe: owned by the order book actor.
/// </summary>
public sealed class ExposureCounters
{
    private readonly RiskScope _login;
    private readonly Dictionary<RiskScope, int> _open = [];
    private readonly Dictionary<(RiskScope Scope, Symbol Symbol), Held> _held = [];

    /// <summary>Counters of the orders of <paramref name="login"/>, empty.</summary>
    public ExposureCounters(LoginId login)
    {
        _login = RiskScope.OfLogin(login.Value);
    }

    /// <summary>Replaces <paramref name="before"/> (null: the order is new) by <paramref name="after"/> (null: gone).</summary>
    public void Replace(OrderState? before, OrderState? after)
    {
        if (ReferenceEquals(before, after))
        {
            return;
        }

        if (before is not null)
        {
            Add(before, -1);
        }

        if (after is not null)
        {
            Add(after, 1);
        }
    }

    /// <summary>Starts again from <paramref name="orders"/> (a restored snapshot).</summary>
    public void Reset(IEnumerable<OrderState> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _open.Clear();
        _held.Clear();
        foreach (var order in orders)
        {
            Add(order, 1);
        }
    }

    /// <summary>
    /// The exposure of <paramref name="scope"/> for <paramref name="symbol"/>; <paramref name="recentOrders"/> and
    /// <paramref name="dailyPnl"/> are passed through.
    /// </summary>
    public Exposure Of(RiskScope scope, Symbol symbol, int recentOrders, decimal dailyPnl)
    {
        var held = _held.GetValueOrDefault((scope, symbol));
        return new Exposure(_open.GetValueOrDefault(scope), held.Position, held.OpenBuy, held.OpenSell, recentOrders, dailyPnl);
    }

    private void Add(OrderState order, int sign)
    {
        var working = OrderLifecycle.IsWorking(order.Status);
        var buy = order.Side == OrderSide.Buy;
        var position = sign * (buy ? order.FilledQuantity : -order.FilledQuantity);
        var remaining = working ? sign * order.RemainingQuantity : 0m;
        var change = new Held(position, buy ? remaining : 0m, buy ? 0m : remaining);
        var strategy = StrategyNames.Of(order.ClientOrderId);
        Count(_login, order.Symbol, working, sign, change);
        if (strategy is not null)
        {
            Count(RiskScope.OfStrategy(strategy), order.Symbol, working, sign, change);
        }

        Count(RiskScope.OfSymbol(order.Symbol.Value), order.Symbol, working, sign, change);
    }

    private void Count(RiskScope scope, Symbol symbol, bool working, int sign, Held change)
    {
        if (working)
        {
            var open = _open.GetValueOrDefault(scope) + sign;
            if (open == 0)
            {
                _open.Remove(scope);
            }
            else
            {
                _open[scope] = open;
            }
        }

        var key = (scope, symbol);
        var held = _held.GetValueOrDefault(key) + change;
        if (held.IsZero)
        {
            _held.Remove(key);
        }
        else
        {
            _held[key] = held;
        }
    }

    /// <summary>Position and working quantities of one scope in one symbol.</summary>
    private readonly record struct Held(decimal Position, decimal OpenBuy, decimal OpenSell)
    {
        public bool IsZero => Position == 0m && OpenBuy == 0m && OpenSell == 0m;

        public static Held operator +(Held a, Held b) => new(a.Position + b.Position, a.OpenBuy + b.OpenBuy, a.OpenSell + b.OpenSell);
    }
}
