using Akka.Actor;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Strategies;

/// <summary>Commands and queries: each is told to the connections actor with this actor as sender.</summary>
public abstract partial class StrategyActor
{
    private readonly Dictionary<(LoginId Login, ClientOrderId Id), StrategyOrder> _working = [];

    /// <summary>
    /// Orders that reached a terminal status, newest last, kept so that a fill reported after its order's final
    /// status (the quant gateway sends the FILLED order report before the fill) still names its order.
    /// </summary>
    private readonly FinishedOrders _finished = new(capacity: 1024);

    /// <summary>Orders this incarnation submitted that have not reached a terminal status, in no particular order.</summary>
    protected IReadOnlyCollection<StrategyOrder> WorkingOrders => _working.Values;

    /// <summary>The tracked working order, or null when it is unknown or already terminal.</summary>
    protected StrategyOrder? FindOrder(LoginId login, ClientOrderId clientOrderId) =>
        _working.GetValueOrDefault((login, clientOrderId));

    /// <summary>
    /// Submits an order through <paramref name="login"/> and returns its new client order id (unique per login and never
    /// reused, see <see cref="ClientOrderIdGenerator"/>). The engine validates it against the symbol's rules; the answer
    /// arrives as order events (and an <see cref="OrderRejected"/> for a bad order). Throws
    /// <see cref="ArgumentException"/> for a login that is not this strategy's. When order traces are listened to, the
    /// order's trace starts here (span <c>order.submit</c>) and travels with the command.
    /// </summary>
    protected ClientOrderId Submit(
        LoginId login,
        Symbol symbol,
        OrderSide side,
        OrderType type,
        decimal quantity,
        decimal? price,
        TimeInForce timeInForce = TimeInForce.Gtc,
        OffsetFlag offset = OffsetFlag.None)
    {
        RequireMyLogin(login);
        var id = _ids.Next();
        using var trace = StartOrderTrace(login, id, symbol, side);
        var command = new SubmitOrder(login, id, Clock.GetUtcNow(), symbol, side, type, quantity, price, timeInForce, offset, trace?.Id);
        _working[(login, id)] = new StrategyOrder(login, id, symbol, side, type, quantity, price, OrderStatus.Submitted);
        Connections.Tell(command, Self);
        return id;
    }

    /// <summary>Asks to cancel one order; the outcome arrives as <see cref="OrderCanceled"/> (or a fill, or <see cref="CancelRejected"/>).</summary>
    protected void Cancel(LoginId login, ClientOrderId clientOrderId)
    {
        RequireMyLogin(login);
        if (_working.TryGetValue((login, clientOrderId), out var order))
        {
            _working[(login, clientOrderId)] = order with { CancelRequested = true };
        }

        Connections.Tell(new CancelOrder(login, clientOrderId, Clock.GetUtcNow()), Self);
    }

    /// <summary>Asks to cancel every working order of <paramref name="login"/>, or only those in <paramref name="symbol"/>.</summary>
    protected void CancelAll(LoginId login, Symbol? symbol = null)
    {
        RequireMyLogin(login);
        foreach (var (key, order) in _working.ToList())
        {
            if (key.Login == login && (symbol is null || order.Symbol == symbol))
            {
                _working[key] = order with { CancelRequested = true };
            }
        }

        Connections.Tell(new CancelAllOrders(login, Clock.GetUtcNow(), symbol), Self);
    }

    /// <summary>Asks for the symbol's rules; the reply is a <see cref="SymbolInfoReply"/> or a <see cref="QueryFailed"/> message to this actor.</summary>
    protected void QuerySymbolInfo(LoginId login, Symbol symbol) =>
        Query(login, new Engine.Messages.Orders.QuerySymbolInfo(login, symbol, Clock.GetUtcNow()));

    /// <summary>Asks for the venue's open orders; the reply is an <see cref="OpenOrdersReply"/> or a <see cref="QueryFailed"/> message to this actor.</summary>
    protected void QueryOpenOrders(LoginId login, Symbol symbol) =>
        Query(login, new Engine.Messages.Orders.QueryOpenOrders(login, symbol, Clock.GetUtcNow()));

    /// <summary>Asks for the login's balances; the reply is a <see cref="BalancesReply"/> or a <see cref="QueryFailed"/> message to this actor.</summary>
    protected void QueryBalances(LoginId login) =>
        Query(login, new Engine.Messages.Orders.QueryBalances(login, Clock.GetUtcNow()));

    /// <summary>Asks for the login's position in a contract; the reply is a <see cref="PositionReply"/> or a <see cref="QueryFailed"/> message to this actor.</summary>
    protected void QueryPosition(LoginId login, Symbol symbol) =>
        Query(login, new Engine.Messages.Orders.QueryPosition(login, symbol, Clock.GetUtcNow()));

    /// <summary>
    /// Asks <paramref name="query"/> and completes with its typed reply: a <see cref="QueryFailed"/> reply fails the task
    /// with <see cref="StrategyQueryException"/>, no reply within <paramref name="timeout"/> with an
    /// <see cref="AskTimeoutException"/>. Bring the result back into the actor with <c>PipeTo(Self)</c>; never block on it.
    /// </summary>
    protected async Task<TReply> Ask<TReply>(object query, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reply = await Connections.Ask<object>(query, timeout).ConfigureAwait(false);
        return reply switch
        {
            TReply typed => typed,
            QueryFailed failed => throw new StrategyQueryException(failed),
            _ => throw new InvalidCastException($"{query.GetType().Name} was answered with {reply.GetType().Name}, expected {typeof(TReply).Name}."),
        };
    }

    private void Query(LoginId login, object query)
    {
        RequireMyLogin(login);
        Connections.Tell(query, Self);
    }

    private void RequireMyLogin(LoginId login)
    {
        if (!_logins.Contains(login))
        {
            throw new ArgumentException(
                $"Strategy {Name} does not trade login '{login}'; its logins are: {string.Join(", ", Logins)}.",
                nameof(login));
        }
    }
}
