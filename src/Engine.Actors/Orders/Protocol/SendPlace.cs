using Engine.Messages.Orders;

namespace Engine.Actors.Orders.Protocol;

/// <summary>
/// Order book → connection: <see cref="Order"/> has been validated and its <see cref="OrderSubmitted"/>
/// persisted (write-ahead); the connection may now send it. The connection answers with exactly one
/// <see cref="PlaceOutcome"/>.
/// </summary>
/// <param name="Order">The validated command.</param>
public sealed record SendPlace(SubmitOrder Order);
