using System.Collections.Immutable;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Status;

/// <summary>
/// Positions and PnL per symbol from fills, by average cost. Buys and sells in the direction of the position raise
/// its size at a new average cost; opposite fills close at the average cost (realising the difference) and any
/// excess opens the other way at the fill price. Unrealised PnL marks the open quantity at the last fill price.
/// Fees are subtracted when known: a fee in the quote asset as is, a fee in the base asset at the fill price; fees
/// in any other asset are kept apart in <see cref="OtherFees"/>. Pure; mutable and not thread-safe (one owner).
/// Callers de-duplicate fills (by fill id) before <see cref="ApplyFill"/>.
/// </summary>
public sealed class PortfolioTracker
{
    private readonly Dictionary<Symbol, SymbolPosition> _positions = [];
    private ImmutableDictionary<string, decimal> _otherFees = ImmutableDictionary<string, decimal>.Empty;

    /// <summary>Positions by symbol, in no particular order.</summary>
    public IReadOnlyCollection<SymbolPosition> Positions => _positions.Values;

    /// <summary>Fees in assets that are neither the base nor the quote of the traded symbol, by asset.</summary>
    public ImmutableDictionary<string, decimal> OtherFees => _otherFees;

    /// <summary>The symbol's position; flat when it never traded.</summary>
    public SymbolPosition PositionOf(Symbol symbol) => _positions.GetValueOrDefault(symbol) ?? SymbolPosition.Flat(symbol);

    /// <summary>Counts one fill and returns the symbol's new position.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is not positive or the price is negative.</exception>
    public SymbolPosition ApplyFill(Symbol symbol, OrderSide side, decimal price, decimal quantity, decimal? fee = null, string? feeAsset = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(price);
        var position = PositionOf(symbol);
        var signed = side == OrderSide.Buy ? quantity : -quantity;
        var (quantityAfter, average, realised) = Trade(position, signed, price);
        var next = position with
        {
            Quantity = quantityAfter,
            AverageCost = average,
            RealisedPnl = position.RealisedPnl + realised,
            Fees = position.Fees + FeeInQuote(symbol, price, fee, feeAsset),
            LastPrice = price,
            Fills = position.Fills + 1,
            Volume = position.Volume + quantity,
        };
        _positions[symbol] = next;
        return next;
    }

    private static (decimal Quantity, decimal Average, decimal Realised) Trade(SymbolPosition position, decimal signed, decimal price)
    {
        var held = position.Quantity;
        if (held == 0m || Math.Sign(held) == Math.Sign(signed))
        {
            var size = held + signed;
            return (size, ((position.AverageCost * Math.Abs(held)) + (price * Math.Abs(signed))) / Math.Abs(size), 0m);
        }

        var closed = Math.Min(Math.Abs(held), Math.Abs(signed));
        var realised = closed * (price - position.AverageCost) * Math.Sign(held);
        var after = held + signed;
        var average = after == 0m ? 0m : Math.Sign(after) == Math.Sign(held) ? position.AverageCost : price;
        return (after, average, realised);
    }

    private decimal FeeInQuote(Symbol symbol, decimal price, decimal? fee, string? feeAsset)
    {
        if (fee is not { } paid || paid == 0m)
        {
            return 0m;
        }

        var (baseAsset, quoteAsset) = SymbolAssets.Of(symbol);
        if (feeAsset is null || string.Equals(feeAsset, quoteAsset, StringComparison.OrdinalIgnoreCase))
        {
            return paid;
        }

        if (string.Equals(feeAsset, baseAsset, StringComparison.OrdinalIgnoreCase))
        {
            return paid * price;
        }

        _otherFees = _otherFees.SetItem(feeAsset, _otherFees.GetValueOrDefault(feeAsset) + paid);
        return 0m;
    }
}
