using Engine.Messages.Orders;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Orders;

/// <summary>Source-generated log entries; every entry names the login and, where there is one, the order.</summary>
public sealed partial class OrderBookActor
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Order {ClientOrderId} of login {Login} rejected locally, nothing sent: {Reason}")]
    private static partial void LogLocalRejection(ILogger logger, string login, string clientOrderId, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Order {ClientOrderId} of login {Login} rejected by the venue: {Reason}")]
    private static partial void LogVenueRejection(ILogger logger, string login, string clientOrderId, string reason);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Outcome of order {ClientOrderId} of login {Login} is unknown ({Reason}); asking the venue")]
    private static partial void LogOutcomeUnknown(ILogger logger, string login, string clientOrderId, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Error, Message = "Invalid {EventType} for order {ClientOrderId} of login {Login}, not persisted: {Reason}")]
    private static partial void LogInvalidTransition(ILogger logger, string eventType, string login, string clientOrderId, string reason);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Debug, Message = "Ignored {EventType} for order {ClientOrderId} of login {Login}: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string eventType, string login, string clientOrderId, string reason);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "{EventType} names order {ClientOrderId}, which login {Login} does not know; dropped")]
    private static partial void LogNoSuchOrder(ILogger logger, string eventType, string login, string clientOrderId);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Warning, Message = "Cancel of order {ClientOrderId} of login {Login} refused: {Reason}")]
    private static partial void LogCancelRefused(ILogger logger, string login, string clientOrderId, string reason);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Warning, Message = "Cancel-all for login {Login} refused: {Reason}")]
    private static partial void LogCancelAllRefused(ILogger logger, string login, string reason);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Warning, Message = "Outcome of the cancel of {Count} orders in {Symbol} of login {Login} is unknown ({Reason}); asking the venue")]
    private static partial void LogCancelOutcomeUnknown(ILogger logger, string login, string symbol, int count, string reason);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Debug, Message = "Report for venue order {VenueOrderId} of login {Login} held until a place reply reveals the id")]
    private static partial void LogReportHeld(ILogger logger, string login, string venueOrderId);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Report for venue order {VenueOrderId} of login {Login} dropped: no place reply revealed the id within {Timeout}")]
    private static partial void LogHeldExpired(ILogger logger, string login, string venueOrderId, TimeSpan timeout);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Open order {VenueOrderId} in {Symbol} on login {Login} is not a working order of this book ({Side} {Quantity} at {Price})")]
    private static partial void LogForeignOrder(ILogger logger, string login, string symbol, string venueOrderId, OrderSide side, decimal quantity, decimal? price);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Warning, Message = "Order {ClientOrderId} of login {Login} is still unknown after reconciling {Symbol}")]
    private static partial void LogUnresolved(ILogger logger, string login, string clientOrderId, string symbol);

    [LoggerMessage(EventId = 5115, Level = LogLevel.Information, Message = "Place outcome of order {ClientOrderId} of login {Login} is unknown ({Why}), but the venue already reported the order ({Status}); nothing to resolve")]
    private static partial void LogLateUnknownIgnored(ILogger logger, string login, string clientOrderId, OrderStatus status, string why);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Information, Message = "Order book of login {Login} recovered: {Orders} orders, {Working} working or unknown")]
    private static partial void LogRecovered(ILogger logger, string login, int orders, int working);

    [LoggerMessage(EventId = 5170, Level = LogLevel.Information,
        Message = "Order book of login {Login} stopped with {Count} acknowledgements not yet written ({ClientOrderIds}); those orders recover as waiting for their place reply and are resolved with the venue")]
    private static partial void LogAcceptedNotWritten(ILogger logger, string login, int count, string clientOrderIds);
}
