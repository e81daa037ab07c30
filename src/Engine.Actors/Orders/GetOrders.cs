namespace Engine.Actors.Orders;

/// <summary>Asks an <see cref="OrderBookActor"/> for its book; answered with an <see cref="OrdersView"/> to the sender.</summary>
public sealed record GetOrders
{
    /// <summary>The single instance.</summary>
    public static GetOrders Instance { get; } = new();
}
