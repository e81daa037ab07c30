using Engine.Actors.MarketData.Binance;
using Engine.Actors.MarketData.DBot;
using Engine.Actors.MarketData.Toobit;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// The registry of feed venues: the one place that maps a venue name to its codec. A new venue (Toobit's quote
/// WebSocket, DBot's data WebSocket) adds one entry and a codec; nothing else in the feed changes. Thread-safe.
/// </summary>
public static class FeedVenues
{
    /// <summary>Binance Spot WebSocket Streams.</summary>
    public const string Binance = "binance";

    /// <summary>DBot's data WebSocket (pair updates and trades of DEX pools).</summary>
    public const string DBot = "dbot";

    /// <summary>Toobit's quote WebSocket (spot and USDT-M futures).</summary>
    public const string Toobit = "toobit";

    /// <summary>Venue names with a feed codec.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal) { Binance, DBot, Toobit };

    /// <summary>
    /// The codec of <paramref name="options"/>' venue; <paramref name="http"/> serves its REST snapshots. Throws
    /// <see cref="ArgumentException"/> for a venue without a codec (start-up validation reports it first).
    /// </summary>
    public static IFeedCodec Create(FeedOptions options, HttpClient http) => options.Venue switch
    {
        Binance => new BinanceFeedCodec(new FeedId(options.Name), options, http),
        DBot => new DBotFeedCodec(new FeedId(options.Name), options),
        Toobit => new ToobitFeedCodec(new FeedId(options.Name), options),
        _ => throw new ArgumentException($"feed '{options.Name}': no codec for venue '{options.Venue}'; expected one of: {string.Join(", ", Names)}", nameof(options)),
    };
}
