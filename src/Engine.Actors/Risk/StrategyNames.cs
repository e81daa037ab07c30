using Engine.Messages.Identifiers;

namespace Engine.Actors.Risk;

/// <summary>
/// The strategy an order belongs to, read from its client order id: the strategy host's ids are
/// <c>{strategy}-{start}-{counter}</c> (<see cref="Strategies.ClientOrderIdGenerator"/>), so the strategy is what
/// precedes the last two dashes. Pure.
/// </summary>
public static class StrategyNames
{
    /// <summary>The strategy of <paramref name="id"/>, or null for an id not issued by the strategy host.</summary>
    public static string? Of(ClientOrderId id)
    {
        var text = id.Value;
        var last = text.LastIndexOf('-');
        if (last <= 0)
        {
            return null;
        }

        var second = text.LastIndexOf('-', last - 1);
        return second > 0 ? text[..second] : null;
    }
}
