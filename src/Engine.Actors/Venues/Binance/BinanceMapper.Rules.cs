using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using W = Engine.Actors.Venues.Binance.BinanceWire;

namespace Engine.Actors.Venues.Binance;

public static partial class BinanceMapper
{
    /// <summary>
    /// Trading rules from a symbol's filters: PRICE_FILTER <c>tickSize</c>, LOT_SIZE <c>stepSize</c>/<c>minQty</c>/
    /// <c>maxQty</c>, NOTIONAL <c>minNotional</c>/<c>maxNotional</c> (or the older MIN_NOTIONAL). Binance's 0
    /// means "disabled" and becomes no tick or no limit. PRICE_FILTER's min/max price has no place in
    /// <see cref="SymbolRules"/> and is not enforced locally (the venue answers -1013).
    /// </summary>
    public static SymbolRules ToSymbolRules(W.SymbolInfo info)
    {
        var price = info.Filters.FirstOrDefault(f => f.FilterType == "PRICE_FILTER");
        var lot = info.Filters.FirstOrDefault(f => f.FilterType == "LOT_SIZE");
        var notional = info.Filters.FirstOrDefault(f => f.FilterType == "NOTIONAL")
            ?? info.Filters.FirstOrDefault(f => f.FilterType == "MIN_NOTIONAL");
        return new SymbolRules(
            new Symbol(info.Symbol),
            price?.TickSize ?? 0m,
            lot?.StepSize ?? 0m,
            MinQuantity: Enabled(lot?.MinQty),
            MaxQuantity: Enabled(lot?.MaxQty),
            MinNotional: Enabled(notional?.MinNotional),
            MaxNotional: Enabled(notional?.MaxNotional),
            BaseAsset: info.BaseAsset.Length > 0 ? info.BaseAsset : null,
            QuoteAsset: info.QuoteAsset.Length > 0 ? info.QuoteAsset : null);
    }

    private static decimal? Enabled(decimal? limit) => limit is > 0m ? limit : null;
}
