using Engine.Actors.Budget;

namespace Engine.Actors.Venues.DBot;

/// <summary>
/// One DBot RPC on the trading WebSocket: <c>{"id", "method", "params"}</c>. <see cref="ParamsJson"/> is the params
/// object as JSON text, or null for a method without params (<c>deleteAllLimitOrders</c>).
/// </summary>
/// <param name="Method">The DBot method name.</param>
/// <param name="ParamsJson">The params object as JSON; null sends none.</param>
/// <param name="IsQuery">A read (lists, gets): queued behind mutations under a short budget.</param>
/// <param name="CreatesLimitOrder">Counts in the limit-order creation window (60/min on tier 1).</param>
public sealed record DBotVenueRequest(string Method, string? ParamsJson, bool IsQuery = false, bool CreatesLimitOrder = false) : VenueRequest
{
    /// <inheritdoc />
    public override RequestPriority Priority => IsQuery ? RequestPriority.Query : RequestPriority.Order;

    /// <inheritdoc />
    public override bool CountsAsOrder => CreatesLimitOrder;
}
