using System.Text.Json;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;

namespace Engine.Actors.MarketData.Binance;

/// <summary>The stream payloads of §1.4: <c>bookTicker</c>, <c>trade</c>/<c>aggTrade</c>, <c>depthUpdate</c>, <c>kline</c>.</summary>
public sealed partial class BinanceFeedCodec
{
    /// <summary><c>bookTicker</c> has no event time: the receive time stands in for it.</summary>
    private QuoteTick BookTicker(JsonElement d, DateTimeOffset receivedAt) =>
        new(_feed, new Symbol(Str(d, "s")), Dec(d, "b"), Dec(d, "B"), Dec(d, "a"), Dec(d, "A"), receivedAt, receivedAt);

    /// <summary><c>m:true</c>: the buyer was the maker, so the seller was the aggressor.</summary>
    private TradeTick Trade(JsonElement d, string idField, DateTimeOffset receivedAt) =>
        new(
            _feed,
            new Symbol(Str(d, "s")),
            Long(d, idField).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Dec(d, "p"),
            Dec(d, "q"),
            Bool(d, "m") ? OrderSide.Sell : OrderSide.Buy,
            Ms(Long(d, "T")),
            receivedAt);

    private static BinanceDepthDiff Depth(JsonElement d) =>
        new(new Symbol(Str(d, "s")), Long(d, "U"), Long(d, "u"), Levels(d, "b"), Levels(d, "a"), Ms(Long(d, "E")));

    private Bar Kline(JsonElement d, DateTimeOffset receivedAt)
    {
        if (!d.TryGetProperty("k", out var k) || k.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("kline event without its 'k' object");
        }

        return new Bar(
            _feed,
            new Symbol(Str(d, "s")),
            Str(k, "i"),
            Ms(Long(k, "t")),
            Ms(Long(k, "T")),
            Dec(k, "o"),
            Dec(k, "h"),
            Dec(k, "l"),
            Dec(k, "c"),
            Dec(k, "v"),
            Bool(k, "x"),
            Ms(Long(d, "E")),
            receivedAt);
    }
}
