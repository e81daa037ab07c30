using System.Text.Json.Serialization;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Messages.Tasks;
using Engine.Messages.Risk;

namespace Engine.Messages;

/// <summary>
/// Source-generated System.Text.Json metadata for every journaled event and every command, query and
/// reply, so the journal and transports serialise without reflection. Property names are the C# names
/// (case-sensitive); identifiers are plain strings.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(OrderSubmitted))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(OrderRejected))]
[JsonSerializable(typeof(OrderPartiallyFilled))]
[JsonSerializable(typeof(OrderFilled))]
[JsonSerializable(typeof(OrderCancelRequested))]
[JsonSerializable(typeof(CancelRejected))]
[JsonSerializable(typeof(OrderCanceled))]
[JsonSerializable(typeof(OrderExpired))]
[JsonSerializable(typeof(OrderStatusUnknown))]
[JsonSerializable(typeof(OrderStatusReported))]
[JsonSerializable(typeof(OrderReconciled))]
[JsonSerializable(typeof(VenueOrderIdInferred))]
[JsonSerializable(typeof(ExternalOrderReported))]
[JsonSerializable(typeof(ExternalFillReported))]
[JsonSerializable(typeof(VenueProtocolViolation))]
[JsonSerializable(typeof(SessionEnded))]
[JsonSerializable(typeof(SessionStarted))]
[JsonSerializable(typeof(VenueBalanceReconciled))]
[JsonSerializable(typeof(OrderFillInferred))]
[JsonSerializable(typeof(OrderVanished))]
[JsonSerializable(typeof(ExternalBalanceAdjusted))]
[JsonSerializable(typeof(BalanceChanged))]
[JsonSerializable(typeof(PositionChanged))]
[JsonSerializable(typeof(ConnectionStateChanged))]
[JsonSerializable(typeof(RequestBudgetExhausted))]
[JsonSerializable(typeof(TradingStateChanged))]
[JsonSerializable(typeof(SetTradingState))]
[JsonSerializable(typeof(TradingStateUnchanged))]
[JsonSerializable(typeof(SubmitOrder))]
[JsonSerializable(typeof(CancelOrder))]
[JsonSerializable(typeof(CancelAllOrders))]
[JsonSerializable(typeof(QueryOpenOrders))]
[JsonSerializable(typeof(QueryBalances))]
[JsonSerializable(typeof(QueryPosition))]
[JsonSerializable(typeof(QuerySymbolInfo))]
[JsonSerializable(typeof(OpenOrdersReply))]
[JsonSerializable(typeof(BalancesReply))]
[JsonSerializable(typeof(PositionReply))]
[JsonSerializable(typeof(SymbolInfoReply))]
[JsonSerializable(typeof(QueryFailed))]
[JsonSerializable(typeof(TaskCommandIssued))]
[JsonSerializable(typeof(TaskCommandAccepted))]
[JsonSerializable(typeof(TaskCommandRejected))]
[JsonSerializable(typeof(TaskCommandUnknown))]
[JsonSerializable(typeof(TaskCommandResolved))]
[JsonSerializable(typeof(TradeSucceeded))]
[JsonSerializable(typeof(TradeFailed))]
public sealed partial class EngineMessagesJsonContext : JsonSerializerContext;
