namespace Engine.Simulator.Matching;

/// <summary>Direction of an order or fill.</summary>
public enum OrderSide
{
    /// <summary>Buys the base asset or contract.</summary>
    Buy,

    /// <summary>Sells the base asset or contract.</summary>
    Sell,
}
