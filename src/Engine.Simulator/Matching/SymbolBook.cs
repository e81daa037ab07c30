namespace Engine.Simulator.Matching;

/// <summary>Resting orders of one symbol in price-time priority: bids highest first, asks lowest first, then by arrival.</summary>
internal sealed class SymbolBook
{
    public List<WorkingOrder> Bids { get; } = [];

    public List<WorkingOrder> Asks { get; } = [];

    public List<WorkingOrder> Side(OrderSide side) => side == OrderSide.Buy ? Bids : Asks;

    public void Insert(WorkingOrder order)
    {
        var list = Side(order.Side);
        var index = list.FindIndex(o => Better(order, o));
        list.Insert(index < 0 ? list.Count : index, order);
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
