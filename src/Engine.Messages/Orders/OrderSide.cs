namespace Engine.Messages.Orders;

/// <summary>Direction of an order or a fill.</summary>
public enum OrderSide
{
    /// <summary>Buy the base asset (or go long / close short on futures).</summary>
    Buy,

    /// <summary>Sell the base asset (or go short / close long on futures).</summary>
    Sell,
}
