namespace Engine.Simulator.Hosting;

/// <summary>Control request: set a mid and/or step the market. JSON <c>{"symbol":"BTC/USDT","mid":50000,"steps":1}</c>.</summary>
public sealed record MarketCommand
{
    /// <summary>Symbol whose mid is set; null = none.</summary>
    public string? Symbol { get; init; }

    /// <summary>New mid for <see cref="Symbol"/>.</summary>
    public decimal? Mid { get; init; }

    /// <summary>Random-walk steps to take after setting the mid; resting orders are matched after each.</summary>
    public int Steps { get; init; }
}
