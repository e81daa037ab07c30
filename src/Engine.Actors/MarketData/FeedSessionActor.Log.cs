using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.MarketData;

/// <summary>Source-generated log entries; every entry names the feed.</summary>
public sealed partial class FeedSessionActor
{
    [LoggerMessage(EventId = 14101, Level = LogLevel.Information, Message = "Feed {Feed}: connecting to {Uri} (generation {Generation})")]
    private static partial void LogConnecting(ILogger logger, FeedId feed, Uri uri, int generation);

    [LoggerMessage(EventId = 14102, Level = LogLevel.Information, Message = "Feed {Feed}: connected (generation {Generation})")]
    private static partial void LogConnected(ILogger logger, FeedId feed, int generation);

    [LoggerMessage(EventId = 14103, Level = LogLevel.Information, Message = "Feed {Feed}: subscribing {Added} and unsubscribing {Removed} streams ({Open} open)")]
    private static partial void LogStreams(ILogger logger, FeedId feed, int added, int removed, int open);

    [LoggerMessage(EventId = 14104, Level = LogLevel.Warning, Message = "Feed {Feed}: frame skipped: {Problem}")]
    private static partial void LogBadFrame(ILogger logger, FeedId feed, string problem);

    [LoggerMessage(EventId = 14105, Level = LogLevel.Warning, Message = "Feed {Feed}: control message {Id} refused by the venue: {Error}")]
    private static partial void LogControlRefused(ILogger logger, FeedId feed, long? id, string error);

    [LoggerMessage(EventId = 14106, Level = LogLevel.Warning, Message = "Feed {Feed}: book {Symbol} resynchronising: {Reason} (resyncs of this book: {Count})")]
    private static partial void LogResync(ILogger logger, FeedId feed, Symbol symbol, string reason, long count);

    [LoggerMessage(EventId = 14107, Level = LogLevel.Error, Message = "Feed {Feed}: book {Symbol} crossed (bid {Bid} >= ask {Ask}); discarded and resynchronising")]
    private static partial void LogCrossed(ILogger logger, FeedId feed, Symbol symbol, decimal bid, decimal ask);

    [LoggerMessage(EventId = 14108, Level = LogLevel.Warning, Message = "Feed {Feed}: book snapshot of {Symbol} failed: {Reason}; retrying in {Delay}")]
    private static partial void LogSnapshotFailed(ILogger logger, FeedId feed, Symbol symbol, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 14109, Level = LogLevel.Information, Message = "Feed {Feed}: replacing the socket: {Reason}")]
    private static partial void LogReplacing(ILogger logger, FeedId feed, string reason);

    [LoggerMessage(EventId = 14110, Level = LogLevel.Warning, Message = "Feed {Feed}: connection lost: {Reason}; reconnecting in {Delay}")]
    private static partial void LogLost(ILogger logger, FeedId feed, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 14111, Level = LogLevel.Information, Message = "Feed {Feed}: opening the next socket (generation {Generation}) beside the live one: {Reason}")]
    private static partial void LogHandingOver(ILogger logger, FeedId feed, string reason, int generation);

    [LoggerMessage(EventId = 14112, Level = LogLevel.Information, Message = "Feed {Feed}: socket generation {Generation} took over ({How}); {Held} held frames processed, the old socket closed")]
    private static partial void LogHandedOver(ILogger logger, FeedId feed, int generation, string how, int held);

    [LoggerMessage(EventId = 14113, Level = LogLevel.Warning, Message = "Feed {Feed}: handover to generation {Generation} abandoned: {Reason}; the live socket stays, trying again in {Delay}")]
    private static partial void LogHandoverAbandoned(ILogger logger, FeedId feed, int generation, string reason, TimeSpan delay);
}
