using Engine.Actors.MarketData.Books;
using Engine.Messages.MarketData;

namespace Engine.Actors.MarketData;

// One family per file (STYLE §1): what a feed codec makes of one inbound frame.

/// <summary>One decoded inbound feed frame.</summary>
public abstract record FeedInbound
{
    /// <summary>A quote, trade or bar to deliver as is.</summary>
    public sealed record Market(IMarketDataEvent Event) : FeedInbound;

    /// <summary>A book update for the symbol's <see cref="IBookSynchronizer"/>.</summary>
    public sealed record Book(IBookInput Input) : FeedInbound;

    /// <summary>The answer to a control message (subscribe, unsubscribe); <paramref name="Error"/> is null on success.</summary>
    public sealed record ControlReply(long? Id, string? Error) : FeedInbound;

    /// <summary>The venue announced it will close the socket (Binance <c>serverShutdown</c>): reconnect now.</summary>
    public sealed record ServerShutdown : FeedInbound;

    /// <summary>Several items from one frame, in order (Toobit and DBot push arrays of trades).</summary>
    public sealed record Many(IReadOnlyList<FeedInbound> Items) : FeedInbound;

    /// <summary>The answer to the codec's client heartbeat (Toobit <c>{"pong":…}</c>).</summary>
    public sealed record Heartbeat : FeedInbound;

    /// <summary>A frame the feed does not use (an unsubscribed or unknown stream); <paramref name="What"/> describes it.</summary>
    public sealed record Ignored(string What) : FeedInbound;
}
