using System.Globalization;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.MarketData.Binance;

/// <summary>
/// The stream payloads of §1.4 from their captured fields: <c>bookTicker</c>, <c>trade</c>/<c>aggTrade</c>,
/// <c>depthUpdate</c>, <c>kline</c>, <c>24hrTicker</c> and <c>24hrMiniTicker</c>.
/// </summary>
public sealed partial class BinanceFeedCodec
{
    /// <summary><c>bookTicker</c> has no event time: the receive time stands in for it.</summary>
    private QuoteTick BookTicker(BinanceFrameFields d, DateTimeOffset receivedAt) =>
        new(_feed, SymbolOf(d), d.Dec('b'), d.Dec('B'), d.Dec('a'), d.Dec('A'), receivedAt, receivedAt);

    /// <summary><c>m:true</c>: the buyer was the maker, so the seller was the aggressor.</summary>
    private TradeTick Trade(BinanceFrameFields d, char idField, DateTimeOffset receivedAt) =>
        new(
            _feed,
            SymbolOf(d),
            d.Long(idField).ToString(CultureInfo.InvariantCulture),
            d.Dec('p'),
            d.Dec('q'),
            d.Bool('m') ? OrderSide.Sell : OrderSide.Buy,
            Ms(d.Long('T')),
            receivedAt);

    private BinanceDepthDiff Depth(BinanceFrameFields d) =>
        new(
            SymbolOf(d),
            d.Long('U'),
            d.Long('u'),
            d.Bids ?? throw new FormatException("'b' must be an array of [price, quantity]"),
            d.Asks ?? throw new FormatException("'a' must be an array of [price, quantity]"),
            Ms(d.Long('E')));

    private Bar Kline(BinanceFrameFields d, DateTimeOffset receivedAt)
    {
        if (!d.HasKline)
        {
            throw new FormatException("kline event without its 'k' object");
        }

        var k = d.Kline;
        var interval = k.PlainString('i');
        return new Bar(
            _feed,
            SymbolOf(d),
            !interval.IsEmpty && interval.SequenceEqual(_barInterval) ? _options.BarInterval : k.Str('i'),
            Ms(k.Long('t')),
            Ms(k.Long('T')),
            k.Dec('o'),
            k.Dec('h'),
            k.Dec('l'),
            k.Dec('c'),
            k.Dec('v'),
            k.Bool('x'),
            Ms(d.Long('E')),
            receivedAt);
    }

    /// <summary>
    /// <c>24hrTicker</c> (<paramref name="full"/>) and <c>24hrMiniTicker</c>: the rolling window's open, high, low, last,
    /// base and quote volume; the full one adds the last quantity, weighted average, best bid and ask and trade count.
    /// </summary>
    private TickerTick Ticker(BinanceFrameFields d, bool full, DateTimeOffset receivedAt) =>
        new(
            _feed,
            SymbolOf(d),
            d.Dec('o'),
            d.Dec('h'),
            d.Dec('l'),
            d.Dec('c'),
            d.Dec('v'),
            d.Dec('q'),
            full ? d.Dec('Q') : null,
            full ? d.Dec('w') : null,
            full ? d.Dec('b') : null,
            full ? d.Dec('B') : null,
            full ? d.Dec('a') : null,
            full ? d.Dec('A') : null,
            full ? d.Long('n') : null,
            Ms(d.Long('E')),
            receivedAt);

    private Symbol SymbolOf(BinanceFrameFields d)
    {
        var plain = d.PlainString('s');
        return plain.IsEmpty ? SymbolCache.Create(d.Str('s')) : _symbols.Get(plain);
    }
}
