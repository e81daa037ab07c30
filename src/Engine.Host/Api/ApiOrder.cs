using Engine.Actors.Orders;

namespace Engine.Host.Api;

/// <summary>One order, as <c>GET /api/orders</c> lists it.</summary>
public sealed record ApiOrder(
    string Login,
    string ClientOrderId,
    string? VenueOrderId,
    string Symbol,
    string Side,
    string Type,
    decimal Quantity,
    decimal? Price,
    string Status,
    decimal Filled,
    decimal AveragePrice,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The API's view of <paramref name="order"/>.</summary>
    public static ApiOrder Of(OrderState order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new ApiOrder(
            order.Login.Value,
            order.ClientOrderId.Value,
            order.VenueOrderId?.Value,
            order.Symbol.Value,
            order.Side.ToString(),
            order.Type.ToString(),
            order.Quantity,
            order.Price,
            order.Status.ToString(),
            order.FilledQuantity,
            order.AveragePrice,
            order.CreatedAt,
            order.UpdatedAt);
    }
}
