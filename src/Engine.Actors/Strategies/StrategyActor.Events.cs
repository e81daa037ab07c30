using Engine.Actors.Orders;
using Engine.Messages;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.Tasks;

namespace Engine.Actors.Strategies;

/// <summary>Routing of engine events to the hooks; events of other logins are dropped here.</summary>
public abstract partial class StrategyActor
{
    /// <summary>
    /// Every order event of the strategy's logins, after <see cref="WorkingOrders"/> was updated (and after
    /// <see cref="OnFill"/> for a fill). Includes orders this incarnation did not submit.
    /// </summary>
    protected virtual void OnOrderEvent(IOrderEvent orderEvent)
    {
    }

    /// <summary>A fill of an order of the strategy's logins; runs before <see cref="OnOrderEvent"/> for the same event.</summary>
    protected virtual void OnFill(StrategyFill fill)
    {
    }

    /// <summary>A balance of one of the strategy's logins changed.</summary>
    protected virtual void OnBalance(BalanceChanged change)
    {
    }

    /// <summary>A position of one of the strategy's logins changed.</summary>
    protected virtual void OnPosition(PositionChanged change)
    {
    }

    /// <summary>The connection of one of the strategy's logins changed state; trade only while it is <see cref="ConnectionState.Ready"/>.</summary>
    protected virtual void OnConnectionState(ConnectionStateChanged change)
    {
    }

    /// <summary>A request of one of the strategy's logins was queued because a rate window is full.</summary>
    protected virtual void OnBudgetExhausted(RequestBudgetExhausted exhausted)
    {
    }

    /// <summary>The login an engine event belongs to; null for an event type the base class does not know.</summary>
    public static LoginId? LoginOf(IEngineEvent engineEvent) => engineEvent switch
    {
        IOrderEvent e => e.Login,
        BalanceChanged e => e.Login,
        PositionChanged e => e.Login,
        ConnectionStateChanged e => e.Login,
        RequestBudgetExhausted e => e.Login,
        ITaskEvent e => e.Login,
        _ => null,
    };

    private void RouteEngineEvent(IEngineEvent engineEvent)
    {
        if (LoginOf(engineEvent) is not { } login || !_logins.Contains(login))
        {
            return;
        }

        switch (engineEvent)
        {
            case IOrderEvent orderEvent:
                if (Track(orderEvent) is { } fill)
                {
                    OnFill(fill);
                }

                OnOrderEvent(orderEvent);
                break;
            case BalanceChanged change:
                OnBalance(change);
                break;
            case PositionChanged change:
                OnPosition(change);
                break;
            case ConnectionStateChanged change:
                OnConnectionState(change);
                break;
            case RequestBudgetExhausted exhausted:
                OnBudgetExhausted(exhausted);
                break;
            case ITradeResult trade:
                OnTradeResult(trade);
                break;
            case ITaskCommandEvent taskEvent:
                OnTaskCommandEvent(taskEvent);
                break;
        }
    }

    /// <summary>Applies the event to the tracked order through the lifecycle table; returns the fill it carries, if any.</summary>
    private StrategyFill? Track(IOrderEvent orderEvent)
    {
        var key = (orderEvent.Login, orderEvent.ClientOrderId);
        if (!_working.TryGetValue(key, out var order) && _finished.Find(key) is { } finished)
        {
            // A late fill of an order that already reached its final status: it still counts, once.
            return orderEvent switch
            {
                OrderPartiallyFilled f => new StrategyFill(f.Login, f.ClientOrderId, f.FillId, f.Price, f.Quantity, false, f.Timestamp, finished),
                OrderFilled f => new StrategyFill(f.Login, f.ClientOrderId, f.FillId, f.Price, f.Quantity, true, f.Timestamp, finished),
                _ => null,
            };
        }

        var applied = false;
        if (order is not null && OrderEventKinds.Of(orderEvent) is { } kind)
        {
            var result = OrderLifecycle.Transition(order.Status, kind);
            if (result.Outcome == TransitionOutcome.Applied)
            {
                applied = true;
                order = order with { Status = result.Next };
                if (orderEvent is CancelRejected)
                {
                    order = order with { CancelRequested = false };
                }
            }
        }

        var (fillId, price, quantity, completes) = orderEvent switch
        {
            OrderPartiallyFilled f => (f.FillId, f.Price, f.Quantity, false),
            OrderFilled f => (f.FillId, f.Price, f.Quantity, true),
            _ => (default(FillId), 0m, 0m, false),
        };
        var isFill = quantity > 0m;
        if (isFill && order is not null && applied)
        {
            order = order with { FilledQuantity = order.FilledQuantity + quantity };
        }

        if (order is not null)
        {
            if (OrderLifecycle.IsTerminal(order.Status))
            {
                _working.Remove(key);
                _finished.Add(key, order);
            }
            else
            {
                _working[key] = order;
            }
        }

        return isFill
            ? new StrategyFill(orderEvent.Login, orderEvent.ClientOrderId, fillId, price, quantity, completes, orderEvent.Timestamp, order)
            : null;
    }
}
