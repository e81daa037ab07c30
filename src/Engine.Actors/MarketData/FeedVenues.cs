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

    private static readonly MarketDataKind[] BaseKinds = [MarketDataKind.Quotes, MarketDataKind.Trades, MarketDataKind.Book, MarketDataKind.Bars];

    private static readonly MarketDataKind[] AllKinds = [.. BaseKinds, MarketDataKind.Ticker];

    /// <summary>Venue names with a feed codec.</summary>
    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal) { Binance, DBot, Toobit };

    /// <summary>
    /// The market-data kinds a venue's feed accepts subscriptions for: quotes, trades, book and bars everywhere, the 24 h
    /// ticker on Binance only (DBot's options narrow its configured channels to quotes and trades themselves).
    /// </summary>
    public static IReadOnlyList<MarketDataKind> Kinds(string venue) => venue == Binance ? AllKinds : BaseKinds;

    /// <summary>True when <paramref name="venue"/>'s feed carries <paramref name="kind"/>.</summary>
    public static bool Carries(string venue, MarketDataKind kind) => Kinds(venue).Contains(kind);

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
