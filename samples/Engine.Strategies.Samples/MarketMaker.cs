using Engine.Actors.Strategies;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Markets;
using Engine.Messages.Orders;

namespace Engine.Strategies.Samples;

/// <summary>
/// A sample market maker: one bid and one ask around the mid (see <see cref="MarketMakerParameters"/> for how the mid
/// is derived) on the strategy's first login and one symbol, priced by <see cref="MarketMakerQuoter"/>.
/// <list type="bullet">
/// <item>At start it asks for the symbol's rules and quotes only once it has them, on the symbol's ticks.</item>
/// <item>It quotes only while the login is Ready. Ready is learned from <see cref="ConnectionStateChanged"/>; before the
/// first such event, a successful symbol query also counts as Ready (the engine sends nothing before Ready), so a maker
/// started after its login became Ready still quotes.</item>
/// <item>When the login leaves Ready it cancels its quotes; when it stops (shutdown, failure) it cancels them too.</item>
/// <item>A quote that filled, was canceled or rejected is re-placed at once; a working quote further than
/// requote-threshold-bps from the wanted price is canceled and replaced (the replacement is sent without waiting for
/// the cancel, so a fill racing the cancel can exceed the inventory limit by one order).</item>
/// <item>Inventory starts at zero and follows the fills of its own quotes; a <see cref="Engine.Messages.Accounts.PositionChanged"/>
/// for its symbol (futures) replaces it with the venue's net position. A side whose fill would pass max-long or
/// max-short is not quoted.</item>
/// <item>With a feed it subscribes to the feed's quotes at start and centres on the feed's mid (conflated: a busy
/// maker sees the latest quote); fills no longer move its mid. Until the first quote arrives it centres on initial-mid
/// when one is set, and does not quote when none is.</item>
/// <item>Every refresh-interval it re-checks the quotes (and retries a failed symbol query).</item>
/// </list>
/// </summary>
public sealed class MarketMaker : StrategyActor<MarketMakerParameters>
{
    private const string RefreshTimer = "refresh";
    private readonly LoginId _login;
    private readonly Symbol _symbol;
    private readonly Dictionary<OrderSide, WorkingQuote> _quotes = [];
    private SymbolRules? _rules;
    private bool? _ready;
    private readonly HashSet<ClientOrderId> _finishedQuotes = [];
    private readonly FeedId? _feed;
    private readonly Symbol _feedSymbol;
    private decimal _mid;
    private decimal _inventory;

    public MarketMaker(StrategyContext context)
        : base(context)
    {
        _login = Logins.Count > 0
            ? Logins[0]
            : throw new ArgumentException($"Market maker {context.Name} needs a login.", nameof(context));
        _symbol = new Symbol(Settings.Symbol);
        _mid = Settings.InitialMid;
        _feed = Settings.Feed is { } feed ? new FeedId(feed) : null;
        _feedSymbol = new Symbol(Settings.FeedSymbol ?? Settings.Symbol);
        Receive<SymbolInfoReply>(OnSymbolInfo);
        Receive<QueryFailed>(failed => MarketMakerLog.QueryFailed(Logger, Name, failed.Query, failed.Reason));
        Receive<Refresh>(_ => OnRefresh());
    }

    protected override void OnStart()
    {
        if (_feed is { } feed)
        {
            SubscribeQuotes(feed, _feedSymbol);
        }

        QuerySymbolInfo(_login, _symbol);
        Timers.StartPeriodicTimer(RefreshTimer, Refresh.Instance, Settings.RefreshInterval);
    }

    protected override void OnStop() => CancelQuotes();

    protected override void OnConnectionState(ConnectionStateChanged change)
    {
        if (change.State == ConnectionState.Ready)
        {
            _ready = true;
            Requote();
            return;
        }

        if (_ready != false)
        {
            MarketMakerLog.NotReady(Logger, Name, _login.ToString(), change.State.ToString());
        }

        _ready = false;
        CancelQuotes();
    }

    protected override void OnFill(StrategyFill fill)
    {
        if (fill.Order is { } order && order.Symbol == _symbol)
        {
            _inventory += fill.SignedQuantity;
            if (_feed is null)
            {
                _mid = fill.Price;
            }
        }
    }

    /// <summary>The feed's mid is the maker's mid.</summary>
    protected override void OnQuote(QuoteTick quote)
    {
        if (quote.Symbol != _feedSymbol || quote.BidPrice <= 0m || quote.AskPrice < quote.BidPrice)
        {
            return;
        }

        _mid = quote.Mid;
        Requote();
    }

    protected override void OnMarketDataRejected(MarketDataSubscriptionRejected rejected) =>
        MarketMakerLog.FeedRejected(Logger, Name, rejected.Feed.ToString(), rejected.Symbol.ToString(), rejected.Reason);

    protected override void OnOrderEvent(IOrderEvent orderEvent)
    {
        var side = SideOf(orderEvent.ClientOrderId);
        if (side is null)
        {
            // A fill of a quote already being replaced still moved the mid and the inventory.
            if (orderEvent is OrderFilled or OrderPartiallyFilled)
            {
                Requote();
            }

            return;
        }

        if (orderEvent is OrderStatusReported { Status: OrderStatus.Filled or OrderStatus.PartiallyFilled })
        {
            // A venue may report the status before the trade (the quant gateway does): the fill that follows moves the
            // mid, and a quote placed now would sit around the old mid, possibly through the market. Wait for it.
            return;
        }

        if (FindOrder(_login, orderEvent.ClientOrderId) is null)
        {
            _quotes.Remove(side.Value);
        }

        if (orderEvent is OrderRejected)
        {
            // A refused quote (a risk limit, a halt, the venue) is tried again on the next refresh, not at once: re-quoting
            // on every refusal would turn a halted engine into a loop of journaled refusals.
            return;
        }

        Requote();
    }

    protected override void OnPosition(Engine.Messages.Accounts.PositionChanged change)
    {
        if (change.Position.Symbol == _symbol)
        {
            _inventory = change.Position.NetQuantity;
            Requote();
        }
    }

    private void OnSymbolInfo(SymbolInfoReply reply)
    {
        if (reply.Rules.Symbol != _symbol)
        {
            return;
        }

        _rules = reply.Rules;
        _ready ??= true;
        Requote();
    }

    private void OnRefresh()
    {
        if (_rules is null)
        {
            QuerySymbolInfo(_login, _symbol);
            return;
        }

        ForgetFinishedQuotes();
        Requote();
    }

    /// <summary>
    /// Drops quotes whose order finished at least one refresh ago without the event that normally drops them (a fill
    /// reported by status whose trade never came): marked on one refresh, dropped on the next, so a fill that is merely
    /// on its way is never raced.
    /// </summary>
    private void ForgetFinishedQuotes()
    {
        foreach (var (side, quote) in _quotes.ToList())
        {
            if (FindOrder(_login, quote.Id) is not null)
            {
                _finishedQuotes.Remove(quote.Id);
            }
            else if (!_finishedQuotes.Add(quote.Id))
            {
                _finishedQuotes.Remove(quote.Id);
                _quotes.Remove(side);
            }
        }
    }

    private void Requote()
    {
        if (_ready != true || _rules is null || _mid <= 0m)
        {
            return;
        }

        var plan = MarketMakerQuoter.Plan(_mid, _inventory, Settings, _rules);
        Place(OrderSide.Buy, plan.Bid);
        Place(OrderSide.Sell, plan.Ask);
    }

    private void Place(OrderSide side, Quote? wanted)
    {
        if (_quotes.TryGetValue(side, out var working)
            && (wanted is null || MarketMakerQuoter.NeedsRequote(working.Price, wanted.Price, Settings.RequoteThresholdBps)))
        {
            Cancel(_login, working.Id);
            _quotes.Remove(side);
        }

        if (wanted is not null && !_quotes.ContainsKey(side))
        {
            var id = Submit(_login, _symbol, side, OrderType.Limit, wanted.Quantity, wanted.Price);
            _quotes[side] = new WorkingQuote(id, wanted.Price);
        }
    }

    private void CancelQuotes()
    {
        foreach (var quote in _quotes.Values)
        {
            Cancel(_login, quote.Id);
        }

        _quotes.Clear();
    }

    private OrderSide? SideOf(ClientOrderId id)
    {
        foreach (var (side, quote) in _quotes)
        {
            if (quote.Id == id)
            {
                return side;
            }
        }

        return null;
    }

    private sealed record WorkingQuote(ClientOrderId Id, decimal Price);

    private sealed class Refresh
    {
        public static readonly Refresh Instance = new();
    }
}
