namespace Engine.Actors.MarketData;

/// <summary>From a feed session to its feed when an incarnation starts: the feed answers with the current <see cref="FeedDemand"/>.</summary>
public sealed record FeedSessionStarted
{
    /// <summary>The only instance.</summary>
    public static readonly FeedSessionStarted Instance = new();

    private FeedSessionStarted()
    {
    }
}
