namespace Engine.Simulator.Matching;

/// <summary>Resting orders of one symbol in price-time priority: bids highest first, asks lowest first, then by arrival.</summary>
internal sealed class SymbolBook
{
    public List<WorkingOrder> Bids { get; } = [];

    public List<WorkingOrder> Asks { get; } = [];

    public List<WorkingOrder> Side(OrderSide side) => side == OrderSide.Buy ? Bids : Asks;

    public void Insert(WorkingOrder order)
    {
        // Each side is kept in priority order, so "order beats the resting one" is false up to some index and true
        // from there on: binary search finds the same position as a scan for the first resting order it beats.
        var list = Side(order.Side);
        var low = 0;
        var high = list.Count;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (Better(order, list[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        list.Insert(low, order);
    }

    public void Remove(WorkingOrder order) => Side(order.Side).Remove(order);

    /// <summary>Resting orders of both sides in priority order, bids first.</summary>
    public IEnumerable<WorkingOrder> All() => Bids.Concat(Asks);

    private static bool Better(WorkingOrder candidate, WorkingOrder resting)
    {
        if (candidate.Price != resting.Price)
        {
            return candidate.Side == OrderSide.Buy ? candidate.Price > resting.Price : candidate.Price < resting.Price;
        }

        return candidate.Sequence < resting.Sequence;
    }
}
