using System.Net.WebSockets;
using Engine.Actors.MarketData;
using Engine.Actors.MarketData.Books;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;

namespace Engine.Bench.MarketData;

/// <summary>
/// A feed codec that counts the market events its inner codec decoded (what the feed took in, to compare with what
/// the producer sent and the subscriber was handed); everything else is the inner codec's. <see cref="Decoded"/> is
/// safe to read from any thread.
/// </summary>
public sealed class CountingCodec(IFeedCodec inner) : IFeedCodec
{
    private long _decoded;

    /// <summary>Market events decoded so far.</summary>
    public long Decoded => Interlocked.Read(ref _decoded);

    /// <inheritdoc />
    public Uri ConnectUri => inner.ConnectUri;

    /// <inheritdoc />
    public int MaxStreams => inner.MaxStreams;

    /// <inheritdoc />
    public string Topic(Symbol symbol, MarketDataKind kind) => inner.Topic(symbol, kind);

    /// <inheritdoc />
    public byte[] EncodeSubscribe(IReadOnlyList<string> topics, long id) => inner.EncodeSubscribe(topics, id);

    /// <inheritdoc />
    public byte[] EncodeUnsubscribe(IReadOnlyList<string> topics, long id) => inner.EncodeUnsubscribe(topics, id);

    /// <inheritdoc />
    public ClientWebSocket PrepareSocket(ClientWebSocket socket) => inner.PrepareSocket(socket);

    /// <inheritdoc />
    public FeedInbound Decode(ReadOnlySpan<byte> frame, DateTimeOffset receivedAt)
    {
        var inbound = inner.Decode(frame, receivedAt);
        Interlocked.Add(ref _decoded, Count(inbound));
        return inbound;
    }

    /// <inheritdoc />
    public IBookSynchronizer CreateBook(Symbol symbol) => inner.CreateBook(symbol);

    /// <inheritdoc />
    public Task<BookSnapshotData> FetchSnapshotAsync(Symbol symbol, CancellationToken cancellationToken) => inner.FetchSnapshotAsync(symbol, cancellationToken);

    private static long Count(FeedInbound inbound) => inbound switch
    {
        FeedInbound.Market or FeedInbound.Book => 1,
        FeedInbound.Many many => many.Items.Sum(Count),
        _ => 0,
    };
}
