using Engine.Messages.Identifiers;

namespace Engine.Messages.Orders;

/// <summary>An event about one order of one login; applied in order to that order's state.</summary>
public interface IOrderEvent : ILoginEvent
{
    /// <summary>The engine's id of the order.</summary>
    ClientOrderId ClientOrderId { get; }
}
