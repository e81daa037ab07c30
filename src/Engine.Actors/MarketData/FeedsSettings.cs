using System.Net.WebSockets;

namespace Engine.Actors.MarketData;

/// <summary>Everything the <see cref="FeedsSupervisor"/> is built from; immutable.</summary>
/// <param name="Feeds">The configured feeds (disabled ones are known but not started).</param>
public sealed record FeedsSettings(IReadOnlyList<FeedOptions> Feeds)
{
    /// <summary>Makes each feed socket (options, test doubles); null: a plain <see cref="ClientWebSocket"/>.</summary>
    public Func<ClientWebSocket>? SocketFactory { get; init; }

    /// <summary>Recording of every feed's events (off by default).</summary>
    public Recording.RecordOptions Record { get; init; } = new();

    /// <summary>The venue codec of a feed, given the HTTP client its snapshots use; the default is <see cref="FeedVenues.Create"/>.</summary>
    public Func<FeedOptions, HttpClient, IFeedCodec> Codec { get; init; } = FeedVenues.Create;
}
