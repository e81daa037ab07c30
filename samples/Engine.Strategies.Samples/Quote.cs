using Engine.Messages.Orders;

namespace Engine.Strategies.Samples;

/// <summary>One side of the maker's wanted quotes: a limit order's side, price and quantity, already on the symbol's ticks.</summary>
public sealed record Quote(OrderSide Side, decimal Price, decimal Quantity);
