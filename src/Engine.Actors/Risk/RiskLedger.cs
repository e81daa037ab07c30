using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// The risk engine's view of trading, fed with the order events the books publish after their commit: which orders
/// are working, the position and the PnL of the UTC day per (login, strategy, symbol), the last fill price per
/// (login, symbol), and each login's venue rejections in a row. Pure: every method takes <c>now</c>; fees are not
/// counted. Fills of an order it did not see submitted are not counted, so after a restart the risk actor first feeds
/// it the journaled order events (<see cref="RiskActor"/>'s catch-up). Idempotent: an event seen twice (journaled and
/// published live) counts once, a fill by its fill id, a venue rejection only while its order was working. Not
/// thread-safe.
/// </summary>
public sealed class RiskLedger
{
    private readonly Dictionary<(LoginId, ClientOrderId), LedgerOrder> _orders = [];
    private readonly Dictionary<LedgerKey, LedgerBucket> _buckets = [];
    private readonly Dictionary<(LoginId, Symbol), decimal> _lastFill = [];
    private readonly Dictionary<LoginId, int> _rejectStreak = [];
    private readonly HashSet<(LoginId, FillId)> _fills = [];
    private DateOnly? _day;

    /// <summary>Every (login, strategy, symbol) that has traded.</summary>
    public IEnumerable<LedgerKey> Keys => _buckets.Keys;

    /// <summary>Working orders the ledger knows of.</summary>
    public IEnumerable<LedgerOrder> WorkingOrders => _orders.Values.Where(o => o.Working);

    /// <summary>Logins seen in any order event.</summary>
    public IEnumerable<LoginId> Logins => _orders.Keys.Select(k => k.Item1).Concat(_rejectStreak.Keys).Distinct();

    /// <summary>Venue rejections of <paramref name="login"/> since its last acceptance.</summary>
    public int RejectStreak(LoginId login) => _rejectStreak.GetValueOrDefault(login);

    /// <summary>The price of <paramref name="login"/>'s last fill in <paramref name="symbol"/>.</summary>
    public decimal? LastFill(LoginId login, Symbol symbol) => _lastFill.TryGetValue((login, symbol), out var price) ? price : null;

    /// <summary>The net position of <paramref name="key"/>.</summary>
    public decimal PositionOf(LedgerKey key) => _buckets.TryGetValue(key, out var b) ? b.Position : 0m;

    /// <summary>The PnL of the day of <paramref name="key"/> at <paramref name="mark"/>.</summary>
    public decimal DailyPnlOf(LedgerKey key, decimal? mark) => _buckets.TryGetValue(key, out var b) ? b.DailyPnl(mark) : 0m;

    /// <summary>
    /// Applies one published order event at <paramref name="now"/> (rolling the day first when the UTC date changed,
    /// with <paramref name="mark"/> as the carried position's opening mark); returns what it changed.
    /// </summary>
    public LedgerChange Observe(IOrderEvent orderEvent, DateTimeOffset now, Func<LoginId, Symbol, decimal?> mark)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        ArgumentNullException.ThrowIfNull(mark);
        RollDay(now, mark);
        var key = (orderEvent.Login, orderEvent.ClientOrderId);
        switch (orderEvent)
        {
            case OrderSubmitted submitted:
                _orders[key] = new LedgerOrder(
                    submitted.Login, submitted.ClientOrderId, StrategyNames.Of(submitted.ClientOrderId), submitted.Symbol, submitted.Side, Working: true);
                return LedgerChange.None;
            case OrderAccepted:
                _rejectStreak[orderEvent.Login] = 0;
                return LedgerChange.Accepted;
            case OrderRejected rejected:
                if (_orders.TryGetValue(key, out var known) && !known.Working)
                {
                    return LedgerChange.None;
                }

                Finish(key);
                if (rejected.IsLocal)
                {
                    return LedgerChange.None;
                }

                _rejectStreak[orderEvent.Login] = RejectStreak(orderEvent.Login) + 1;
                return LedgerChange.VenueRejected;
            case OrderPartiallyFilled partial:
                return Fill(key, partial.FillId, partial.Price, partial.Quantity);
            case OrderFilled filled:
                var change = Fill(key, filled.FillId, filled.Price, filled.Quantity);
                Finish(key);
                return change;
            case OrderCanceled or OrderExpired:
                Finish(key);
                return LedgerChange.None;
            case OrderStatusReported { Status: var status } when OrderLifecycle.IsTerminal(status):
            case OrderReconciled { Status: var reconciled } when OrderLifecycle.IsTerminal(reconciled):
                Finish(key);
                return LedgerChange.None;
            default:
                return LedgerChange.None;
        }
    }

    /// <summary>Starts a new UTC day when <paramref name="now"/> is past the current one (never an earlier one): day counters restart.</summary>
    public void RollDay(DateTimeOffset now, Func<LoginId, Symbol, decimal?> mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (_day is { } day && today <= day)
        {
            // Never back: an event of the previous day replayed after one of this day (commit order is not time order
            // across logins) belongs to a day that is over.
            return;
        }

        _day = today;
        foreach (var (key, bucket) in _buckets)
        {
            bucket.DayOpenPosition = bucket.Position;
            bucket.DayOpenMark = mark(key.Login, key.Symbol);
            bucket.DayCash = 0m;
            bucket.DayNet = 0m;
        }
    }

    /// <summary>Whether <paramref name="key"/> belongs to <paramref name="scope"/>.</summary>
    public static bool InScope(LedgerKey key, RiskScope scope)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(scope);
        return scope.Kind switch
        {
            RiskScopeKind.Engine => true,
            RiskScopeKind.Login => key.Login.Value == scope.Name,
            RiskScopeKind.Strategy => key.Strategy == scope.Name,
            RiskScopeKind.Symbol => key.Symbol.Value == scope.Name,
            _ => false,
        };
    }

    /// <summary>The PnL of the day of every bucket in <paramref name="scope"/>, each at its symbol's mark.</summary>
    public decimal DailyPnl(RiskScope scope, Func<LoginId, Symbol, decimal?> mark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        return _buckets.Where(b => InScope(b.Key, scope)).Sum(b => b.Value.DailyPnl(mark(b.Key.Login, b.Key.Symbol)));
    }

    private LedgerChange Fill((LoginId, ClientOrderId) key, FillId fillId, decimal price, decimal quantity)
    {
        if (!_orders.TryGetValue(key, out var order) || !_fills.Add((order.Login, fillId)))
        {
            return LedgerChange.None;
        }

        var bucketKey = new LedgerKey(order.Login, order.Strategy, order.Symbol);
        if (!_buckets.TryGetValue(bucketKey, out var bucket))
        {
            _buckets[bucketKey] = bucket = new LedgerBucket();
        }

        var signed = order.Side == OrderSide.Buy ? quantity : -quantity;
        bucket.Position += signed;
        bucket.DayNet += signed;
        bucket.DayCash -= signed * price;
        _lastFill[(order.Login, order.Symbol)] = price;
        return LedgerChange.Filled;
    }

    private void Finish((LoginId, ClientOrderId) key)
    {
        if (_orders.TryGetValue(key, out var order) && order.Working)
        {
            _orders[key] = order with { Working = false };
        }
    }
}
