using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

/// <summary>
/// What is venue-specific in a feed: the socket URL, the stream (topic) names, the control frames, decoding, the
/// book's sequencing rules and where a book snapshot comes from. A venue is a codec plus an endpoint; the
/// <see cref="FeedSessionActor"/> owns everything else (connection, limits, resubscription, reconnects). Pure, one
/// instance per feed session; <see cref="Decode"/> throws <see cref="FormatException"/> naming what was wrong.
/// </summary>
public interface IFeedCodec
{
    /// <summary>The URL the socket opens (Binance: <c>&lt;base&gt;/stream</c>, streams added by SUBSCRIBE).</summary>
    Uri ConnectUri { get; }

    /// <summary>Most streams one connection may carry (Binance: 1,024).</summary>
    int MaxStreams { get; }

    /// <summary>The venue's stream name for a symbol and kind (Binance: <c>btcusdt@bookTicker</c>).</summary>
    string Topic(Symbol symbol, MarketDataKind kind);

    /// <summary>One control frame subscribing <paramref name="topics"/>, answered by a <see cref="FeedInbound.ControlReply"/> with <paramref name="id"/>.</summary>
    byte[] EncodeSubscribe(IReadOnlyList<string> topics, long id);

    /// <summary>One control frame unsubscribing <paramref name="topics"/>.</summary>
    byte[] EncodeUnsubscribe(IReadOnlyList<string> topics, long id);

    /// <summary>
    /// The control frames subscribing <paramref name="topics"/>: one (<see cref="EncodeSubscribe"/>) unless the venue's
    /// subscribe message carries a single kind of topic (DBot: one frame per type).
    /// </summary>
    IReadOnlyList<byte[]> EncodeSubscribeFrames(IReadOnlyList<string> topics, long id) => [EncodeSubscribe(topics, id)];

    /// <summary>The control frames unsubscribing <paramref name="topics"/>; one unless the venue needs one per kind.</summary>
    IReadOnlyList<byte[]> EncodeUnsubscribeFrames(IReadOnlyList<string> topics, long id) => [EncodeUnsubscribe(topics, id)];

    /// <summary>
    /// Prepares each socket before it connects (a key header the venue wants on the upgrade, even for public data).
    /// Called on the transport's thread: implementations only read immutable options. Default: unchanged.
    /// </summary>
    System.Net.WebSockets.ClientWebSocket PrepareSocket(System.Net.WebSockets.ClientWebSocket socket) => socket;

    /// <summary>Decodes one text frame received at <paramref name="receivedAt"/>.</summary>
    FeedInbound Decode(ReadOnlySpan<byte> frame, DateTimeOffset receivedAt);

    /// <summary>A new synchronizer for <paramref name="symbol"/>'s book.</summary>
    IBookSynchronizer CreateBook(Symbol symbol);

    /// <summary>Fetches a book snapshot (for <see cref="BookAction.FetchSnapshot"/>).</summary>
    Task<BookSnapshotData> FetchSnapshotAsync(Symbol symbol, CancellationToken cancellationToken);
}
