using Engine.Simulator.Accounts;

namespace Engine.Simulator.Matching;

/// <summary>
/// Pure matching engine shared by every venue simulator: price-time priority per symbol, limit/market/IOC/
/// post-only orders, partial fills, maker/taker fees, spot balance locks and futures positions with margin.
/// Synthetic liquidity from a <see cref="MarketQuote"/> is the counterparty after resting orders of other
/// accounts; accounts never trade with themselves.
/// No I/O, no clock: every call takes <c>now</c>. Not thread-safe: the owning venue serialises all calls.
/// Every mutating call returns the events it caused, in causal order.
/// </summary>
public sealed partial class MatchingEngine
{
    private readonly Dictionary<string, SymbolRules> symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SymbolBook> books = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimAccount> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkingOrder> orders = new(StringComparer.Ordinal);
    private readonly List<Fill> fills = [];
    private long nextOrderId;
    private long nextFillId;
    private long sequence;

    /// <summary>Creates an engine. Order and fill ids count up from the given first values.</summary>
    public MatchingEngine(FeeSchedule fees, long firstOrderId = 1, long firstFillId = 1)
    {
        Fees = fees;
        nextOrderId = firstOrderId;
        nextFillId = firstFillId;
    }

    /// <summary>Fee rates applied to every fill.</summary>
    public FeeSchedule Fees { get; }

    /// <summary>Lists a symbol (replacing its rules if already listed).</summary>
    public void AddSymbol(SymbolRules rules)
    {
        symbols[rules.Symbol] = rules;
        if (!books.ContainsKey(rules.Symbol))
        {
            books[rules.Symbol] = new SymbolBook();
        }
    }

    /// <summary>Rules of a listed symbol, or null.</summary>
    public SymbolRules? Rules(string symbol) => symbols.GetValueOrDefault(symbol);

    /// <summary>Every listed symbol.</summary>
    public IReadOnlyCollection<SymbolRules> Symbols => symbols.Values;

    /// <summary>Adds an account with its starting balances; an existing id is replaced.</summary>
    public SimAccount AddAccount(AccountOptions options)
    {
        var account = new SimAccount(options);
        accounts[account.Id] = account;
        return account;
    }

    /// <summary>Account by id, or null.</summary>
    public SimAccount? Account(string accountId) => accounts.GetValueOrDefault(accountId);

    /// <summary>Order by id (live or ended), or null.</summary>
    public OrderView? Order(string orderId) => orders.TryGetValue(orderId, out var o) ? o.ToView() : null;

    /// <summary>Every order of an account, live or ended, oldest first: the venue's truth for tests.</summary>
    public IReadOnlyList<OrderView> OrdersOf(string accountId) =>
        [.. orders.Values.Where(o => o.AccountId == accountId).OrderBy(o => o.Sequence).Select(o => o.ToView())];

    /// <summary>Every fill of an account, in execution order: the venue's truth for tests.</summary>
    public IReadOnlyList<Fill> FillsOf(string accountId) => [.. fills.Where(f => f.AccountId == accountId)];

    /// <summary>Every account id.</summary>
    public IReadOnlyCollection<string> AccountIds => accounts.Keys;

    /// <summary>Live orders of an account on a symbol, oldest first.</summary>
    public IReadOnlyList<OrderView> OpenOrders(string accountId, string symbol) =>
        books.TryGetValue(symbol, out var book)
            ? book.All().Where(o => o.AccountId == accountId).OrderBy(o => o.Sequence).Select(o => o.ToView()).ToList()
            : [];

    /// <summary>Position of an account on a futures symbol valued at <paramref name="mark"/> (0 = no PnL).</summary>
    public PositionView Position(string accountId, string symbol, decimal mark)
    {
        var rules = symbols.GetValueOrDefault(symbol);
        var position = accounts.GetValueOrDefault(accountId)?.Positions.GetValueOrDefault(symbol);
        if (rules is null || position is null)
        {
            return new PositionView { AccountId = accountId, Symbol = symbol, Leverage = rules?.Leverage ?? 0m, MarkPrice = mark };
        }

        return View(accountId, rules, position, mark);
    }

    /// <summary>
    /// Cancels a live order of <paramref name="accountId"/>. Returns the cancel and balance events, or an
    /// empty list when the order is unknown, belongs to someone else or has already ended.
    /// </summary>
    public IReadOnlyList<MatchingEvent> Cancel(string accountId, string orderId, DateTimeOffset now)
    {
        if (!orders.TryGetValue(orderId, out var order) || order.AccountId != accountId || order.IsTerminal)
        {
            return [];
        }

        var events = new List<MatchingEvent>();
        Finish(order, SimOrderStatus.Canceled, now, events);
        return events;
    }

    /// <summary>
    /// Lets the market move against resting orders: a resting buy at or above the mid (a sell at or below it)
    /// fills at its own price, as maker, up to the first opposite level's quantity per call.
    /// </summary>
    public IReadOnlyList<MatchingEvent> OnQuote(MarketQuote quote, DateTimeOffset now)
    {
        var events = new List<MatchingEvent>();
        if (!books.TryGetValue(quote.Symbol, out var book))
        {
            return events;
        }

        foreach (var order in book.All().ToList())
        {
            var crossed = order.Side == OrderSide.Buy ? quote.Mid <= order.Price : quote.Mid >= order.Price;
            var levels = order.Side == OrderSide.Buy ? quote.Asks : quote.Bids;
            if (!crossed || levels.Count == 0)
            {
                continue;
            }

            var quantity = Math.Min(order.Remaining, levels[0].Quantity);
            ApplyFill(order, order.Price, quantity, Liquidity.Maker, now, events);
            if (order.Remaining == 0m)
            {
                Finish(order, SimOrderStatus.Filled, now, events);
            }
        }

        return events;
    }

    private string NextOrderId() => (nextOrderId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string NextFillId() => (nextFillId++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static PositionView View(string accountId, SymbolRules rules, FuturesPosition p, decimal mark) => new()
    {
        AccountId = accountId,
        Symbol = rules.Symbol,
        LongQuantity = p.Long.Quantity,
        LongAvailable = p.Long.Quantity - p.Long.PendingClose,
        LongAveragePrice = p.Long.AveragePrice,
        LongMargin = p.Long.Margin,
        ShortQuantity = p.Short.Quantity,
        ShortAvailable = p.Short.Quantity - p.Short.PendingClose,
        ShortAveragePrice = p.Short.AveragePrice,
        ShortMargin = p.Short.Margin,
        Leverage = rules.Leverage,
        MarkPrice = mark,
        LongUnrealisedPnl = mark > 0m && p.Long.Quantity > 0m ? rules.LongPnl(p.Long.AveragePrice, mark, p.Long.Quantity) : 0m,
        ShortUnrealisedPnl = mark > 0m && p.Short.Quantity > 0m ? -rules.LongPnl(p.Short.AveragePrice, mark, p.Short.Quantity) : 0m,
        RealisedPnl = p.RealisedPnl,
        UpdatedAt = p.UpdatedAt,
    };
}
