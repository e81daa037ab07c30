using Engine.Actors.MarketData;

namespace Engine.Host.Runtime;

/// <summary>
/// The <c>sim://&lt;venue&gt;</c> feed URLs: which in-process simulators the enabled feeds need, and the feeds with
/// those URLs replaced by the simulator's loopback stream base (<c>ws://127.0.0.1:PORT</c>) and REST base
/// (<c>http://127.0.0.1:PORT</c>). Pure and thread-safe.
/// </summary>
public static class SimulatedFeeds
{
    /// <summary>The distinct simulator venue names the enabled feeds point at, in first-use order.</summary>
    public static IReadOnlyList<string> Required(IEnumerable<FeedOptions> feeds) =>
        [.. feeds.Where(f => f.Enabled && f.Url is { Scheme: SimulatedVenues.Scheme }).Select(f => f.Url!.Host).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The feeds with every <c>sim://venue</c> URL replaced, given the simulators' WebSocket endpoints by venue; other
    /// feeds unchanged. Throws <see cref="InvalidOperationException"/> when a needed simulator is missing.
    /// </summary>
    public static IReadOnlyList<FeedOptions> Rewrite(IEnumerable<FeedOptions> feeds, IReadOnlyDictionary<string, Uri> endpoints) =>
        [.. feeds.Select(feed =>
        {
            if (feed.Url is not { Scheme: SimulatedVenues.Scheme } url)
            {
                return feed;
            }

            if (!endpoints.TryGetValue(url.Host, out var endpoint))
            {
                throw new InvalidOperationException($"feed '{feed.Name}' needs the '{url.Host}' simulator, which was not started");
            }

            return feed with
            {
                Url = new Uri($"ws://{endpoint.Authority}"),
                RestUrl = feed.RestUrl ?? new Uri($"http://{endpoint.Authority}"),
            };
        })];
}
