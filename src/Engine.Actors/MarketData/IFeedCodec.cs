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
    /// Client heartbeat: while streaming, <see cref="EncodeHeartbeat"/> is sent this often and a
    /// <see cref="FeedInbound.Heartbeat"/> must come back within <see cref="HeartbeatTimeout"/>, or the socket is
    /// replaced (Toobit <c>{"ping":ms}</c>). Zero (the default): the venue needs none beyond WebSocket pings (Binance).
    /// </summary>
    TimeSpan HeartbeatInterval => TimeSpan.Zero;

    /// <summary>How long the answer to a heartbeat may take (Toobit: 5 s).</summary>
    TimeSpan HeartbeatTimeout => TimeSpan.Zero;

    /// <summary>The heartbeat frame sent at <paramref name="now"/>; only called when <see cref="HeartbeatInterval"/> is positive.</summary>
    byte[] EncodeHeartbeat(DateTimeOffset now) => throw new NotSupportedException("this venue has no client heartbeat");

    /// <summary>
    /// The control frames subscribing <paramref name="topics"/>, each with an id from <paramref name="nextId"/>. By default
    /// one <see cref="EncodeSubscribe"/>; a venue whose message carries one topic (Toobit) or one kind of topic (DBot: one
    /// frame per type) splits them.
    /// </summary>
    IReadOnlyList<byte[]> SubscribeFrames(IReadOnlyList<string> topics, Func<long> nextId) => [EncodeSubscribe(topics, nextId())];

    /// <summary>The control frames unsubscribing <paramref name="topics"/>; see <see cref="SubscribeFrames"/>.</summary>
    IReadOnlyList<byte[]> UnsubscribeFrames(IReadOnlyList<string> topics, Func<long> nextId) => [EncodeUnsubscribe(topics, nextId())];

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
