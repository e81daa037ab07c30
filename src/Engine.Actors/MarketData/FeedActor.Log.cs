using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.MarketData;

/// <summary>Source-generated log entries; every entry names the feed.</summary>
public sealed partial class FeedActor
{
    [LoggerMessage(EventId = 14001, Level = LogLevel.Information, Message = "Feed {Feed} ({Venue}) started with {Streams} configured streams")]
    private static partial void LogStarted(ILogger logger, FeedId feed, string venue, int streams);

    [LoggerMessage(EventId = 14002, Level = LogLevel.Information, Message = "Feed {Feed}: {Symbol} {Kind} subscribed live")]
    private static partial void LogSubscribed(ILogger logger, FeedId feed, Symbol symbol, MarketDataKind kind);

    [LoggerMessage(EventId = 14003, Level = LogLevel.Information, Message = "Feed {Feed}: {Symbol} {Kind} unsubscribed (no subscriber left)")]
    private static partial void LogUnsubscribed(ILogger logger, FeedId feed, Symbol symbol, MarketDataKind kind);

    [LoggerMessage(EventId = 14004, Level = LogLevel.Warning, Message = "Feed {Feed}: subscriber {Subscriber} fell behind on {Symbol} {Kind}: its buffer of {Capacity} is full, the oldest are being dropped")]
    private static partial void LogFellBehind(ILogger logger, FeedId feed, string subscriber, Symbol symbol, MarketDataKind kind, int capacity);

    [LoggerMessage(EventId = 14005, Level = LogLevel.Information, Message = "Feed {Feed}: recording every event under {Folder}")]
    private static partial void LogRecording(ILogger logger, FeedId feed, string folder);

    [LoggerMessage(EventId = 14006, Level = LogLevel.Warning, Message = "Feed {Feed}: recording fell behind; {Dropped} events dropped so far (queue of {Capacity} full)")]
    private static partial void LogRecordDrops(ILogger logger, FeedId feed, long dropped, int capacity);

    [LoggerMessage(EventId = 14007, Level = LogLevel.Warning, Message = "Feed {Feed}: the recorder did not finish writing within 10 s at stop; the last events may be missing")]
    private static partial void LogRecorderSlow(ILogger logger, FeedId feed);
}
