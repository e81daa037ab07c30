namespace Engine.Simulator.Matching;

/// <summary>Execution style understood by the matching engine.</summary>
public enum OrderType
{
    /// <summary>Takes what crosses at or better than the price, rests the remainder.</summary>
    Limit,

    /// <summary>Takes liquidity at once over as many levels as needed; an unfilled remainder is canceled.</summary>
    Market,

    /// <summary>Takes what crosses at or better than the price; the remainder is canceled, never rested.</summary>
    Ioc,

    /// <summary>Rests only; rejected with <see cref="RejectReason.WouldTakeLiquidity"/> if it would cross.</summary>
    PostOnly,
}
