using Engine.Messages.Identifiers;

namespace Engine.Actors.Strategies;

/// <summary>
/// A bounded memory of a strategy's orders that reached a terminal status: the oldest is forgotten once
/// <c>capacity</c> is reached. Owned by one strategy actor; not thread-safe.
/// </summary>
internal sealed class FinishedOrders(int capacity)
{
    private readonly Dictionary<(LoginId Login, ClientOrderId Id), StrategyOrder> _orders = [];
    private readonly Queue<(LoginId Login, ClientOrderId Id)> _order = new();

    /// <summary>Remembers <paramref name="order"/>; forgets the oldest when full.</summary>
    public void Add((LoginId Login, ClientOrderId Id) key, StrategyOrder order)
    {
        if (_orders.TryAdd(key, order))
        {
            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _orders.Remove(_order.Dequeue());
            }
        }
        else
        {
            _orders[key] = order;
        }
    }

    /// <summary>The finished order, or null when it is unknown or forgotten.</summary>
    public StrategyOrder? Find((LoginId Login, ClientOrderId Id) key) => _orders.GetValueOrDefault(key);
}
