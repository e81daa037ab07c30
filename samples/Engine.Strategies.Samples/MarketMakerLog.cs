using Microsoft.Extensions.Logging;

namespace Engine.Strategies.Samples;

/// <summary>Source-generated log messages of the market maker.</summary>
internal static partial class MarketMakerLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Market maker {Strategy}: {Query} failed: {Reason}; retrying on the next refresh")]
    public static partial void QueryFailed(ILogger logger, string strategy, string query, string reason);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Market maker {Strategy}: login {Login} is {State}; quotes canceled until it is Ready")]
    public static partial void NotReady(ILogger logger, string strategy, string login, string state);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Market maker {Strategy}: feed {Feed} refused quotes of {Symbol}: {Reason}; the maker will not quote")]
    public static partial void FeedRejected(ILogger logger, string strategy, string feed, string symbol, string reason);
}
