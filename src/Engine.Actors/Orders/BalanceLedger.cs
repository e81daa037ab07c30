using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// The balances the journal expects per asset: the last balance the venue reported at reconciliation (journaled as
/// <see cref="VenueBalanceReconciled"/>) plus the base-asset effect of every fill journaled since, plus external balance
/// adjustments. Rebuilt by replaying the journal; not part of the book's snapshot (after a snapshot recovery the next
/// reported balance starts it again, and a vanished order is then judged without evidence).
/// </summary>
public sealed class BalanceLedger
{
    private readonly Dictionary<string, decimal> _expected = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, decimal> _lastReported = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The balance the journal expects for <paramref name="asset"/>; null before the venue reported one.</summary>
    public decimal? ExpectedOf(string asset) => _expected.TryGetValue(asset, out var v) ? v : null;

    /// <summary>The last balance journaled for <paramref name="asset"/>; null when none.</summary>
    public decimal? LastReportedOf(string asset) => _lastReported.TryGetValue(asset, out var v) ? v : null;

    /// <summary>
    /// Applies a journaled event; <paramref name="order"/> is the order a fill belongs to (after the fill). A reported
    /// balance starts the expectation when there is none; later ones only record what was reported (a difference is
    /// explained by an inferred fill or an adjustment, journaled as such).
    /// </summary>
    public void Apply(IOrderEvent orderEvent, OrderState? order)
    {
        switch (orderEvent)
        {
            case VenueBalanceReconciled reported:
                _lastReported[reported.Asset] = reported.Total;
                _expected.TryAdd(reported.Asset, reported.Total);
                break;
            case ExternalBalanceAdjusted adjusted when _expected.ContainsKey(adjusted.Asset):
                _expected[adjusted.Asset] += adjusted.Difference;
                break;
            case OrderFilled or OrderPartiallyFilled or ExternalFillReported when order is not null:
                var (quantity, fee, feeAsset) = QuantityOf(orderEvent);
                AddFill(order.Symbol, order.Side, quantity, fee, feeAsset);
                break;
        }
    }

    /// <summary>The base asset of <paramref name="symbol"/> (<c>BTC/USDT</c>, <c>BTC_USDT</c>, <c>BTC-USDT</c>); null when the name does not say.</summary>
    public static string? BaseAssetOf(Symbol symbol)
    {
        var name = symbol.Value ?? string.Empty;
        var cut = name.IndexOfAny(['/', '_', '-']);
        return cut > 0 ? name[..cut] : null;
    }

    /// <summary>The signed change of the base asset a fill of <paramref name="quantity"/> on <paramref name="side"/> makes.</summary>
    public static decimal BaseEffect(OrderSide side, decimal quantity) => side == OrderSide.Buy ? quantity : -quantity;

    private void AddFill(Symbol symbol, OrderSide side, decimal quantity, decimal? fee, string? feeAsset)
    {
        if (BaseAssetOf(symbol) is { } asset && _expected.ContainsKey(asset))
        {
            var paid = fee is { } f && string.Equals(feeAsset, asset, StringComparison.OrdinalIgnoreCase) ? f : 0m;
            _expected[asset] += BaseEffect(side, quantity) - paid;
        }
    }

    private static (decimal Quantity, decimal? Fee, string? FeeAsset) QuantityOf(IOrderEvent fill) => fill switch
    {
        OrderFilled f => (f.Quantity, f.Fee, f.FeeAsset),
        OrderPartiallyFilled f => (f.Quantity, f.Fee, f.FeeAsset),
        ExternalFillReported f => (f.Quantity, f.Fee, f.FeeAsset),
        _ => (0m, null, null),
    };
}
