using Engine.Messages.Identifiers;

namespace Engine.Actors.Monitoring;

/// <summary>
/// One symbol's position built from fills by average cost. Immutable. Quantity is signed (short &lt; 0);
/// <see cref="AverageCost"/> is 0 when flat. PnL is in the symbol's quote asset.
/// </summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Quantity">Net quantity: buys minus sells.</param>
/// <param name="AverageCost">Average price of the open quantity; 0 when flat.</param>
/// <param name="RealisedPnl">Profit locked in by closing trades, before fees.</param>
/// <param name="Fees">Fees paid, converted to the quote asset where the fee asset is the base or the quote asset.</param>
/// <param name="LastPrice">Price of the latest fill; the mark for <see cref="UnrealisedPnl"/> when there is no <see cref="MarkPrice"/>.</param>
/// <param name="Fills">Number of fills counted.</param>
/// <param name="Volume">Traded quantity, buys and sells.</param>
public sealed record SymbolPosition(
    Symbol Symbol,
    decimal Quantity,
    decimal AverageCost,
    decimal RealisedPnl,
    decimal Fees,
    decimal LastPrice,
    int Fills,
    decimal Volume)
{
    /// <summary>The market's price for the symbol (a feed's mid) when one is known; null: marked at <see cref="LastPrice"/>.</summary>
    public decimal? MarkPrice { get; init; }

    /// <summary>Open quantity valued at <see cref="MarkPrice"/> (else the last fill price) against its average cost.</summary>
    public decimal UnrealisedPnl => Quantity * ((MarkPrice ?? LastPrice) - AverageCost);

    /// <summary>Realised plus unrealised, minus fees.</summary>
    public decimal TotalPnl => RealisedPnl + UnrealisedPnl - Fees;

    /// <summary>A flat position with no fills.</summary>
    public static SymbolPosition Flat(Symbol symbol) => new(symbol, 0m, 0m, 0m, 0m, 0m, 0, 0m);
}
