using System.Collections.Frozen;
using Engine.Messages.Accounts;
using Engine.Messages.Connectivity;
using Engine.Messages.Orders;
using Engine.Messages.Tasks;
using Engine.Messages.Risk;

namespace Engine.Messages;

/// <summary>
/// The journal's names for event types: <c>&lt;TypeName&gt;.v&lt;Version&gt;</c>. A persisted event stores its
/// manifest; recovery maps it back to a type (and an upcaster when the version is old). The list is
/// explicit so that renaming a type breaks a test instead of old journals. Immutable and thread-safe.
/// </summary>
public static class EventManifests
{
    /// <summary>Current version of every event type listed here.</summary>
    public const int CurrentVersion = 1;

    private static readonly FrozenDictionary<Type, string> Names = new Type[]
    {
        typeof(OrderSubmitted),
        typeof(OrderAccepted),
        typeof(OrderRejected),
        typeof(OrderPartiallyFilled),
        typeof(OrderFilled),
        typeof(OrderCancelRequested),
        typeof(CancelRejected),
        typeof(OrderCanceled),
        typeof(OrderExpired),
        typeof(OrderStatusUnknown),
        typeof(OrderStatusReported),
        typeof(OrderReconciled),
        typeof(VenueOrderIdInferred),
        typeof(ExternalOrderReported),
        typeof(ExternalFillReported),
        typeof(VenueProtocolViolation),
        typeof(SessionEnded),
        typeof(SessionStarted),
        typeof(VenueBalanceReconciled),
        typeof(OrderFillInferred),
        typeof(OrderVanished),
        typeof(ExternalBalanceAdjusted),
        typeof(BalanceChanged),
        typeof(PositionChanged),
        typeof(ConnectionStateChanged),
        typeof(RequestBudgetExhausted),
        typeof(TaskCommandIssued),
        typeof(TaskCommandAccepted),
        typeof(TaskCommandRejected),
        typeof(TaskCommandUnknown),
        typeof(TaskCommandResolved),
        typeof(TradeSucceeded),
        typeof(TradeFailed),
        typeof(TradingStateChanged),
    }.ToFrozenDictionary(t => t, t => $"{t.Name}.v{CurrentVersion}");

    private static readonly FrozenDictionary<string, Type> Types = Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every event type with a manifest.</summary>
    public static IEnumerable<Type> EventTypes => Names.Keys;

    /// <summary>The manifest of <paramref name="eventType"/>; throws <see cref="ArgumentException"/> for a type without one.</summary>
    public static string Of(Type eventType) => Names.TryGetValue(eventType, out var name)
        ? name
        : throw new ArgumentException($"{eventType.Name} has no journal manifest; add it to EventManifests", nameof(eventType));

    /// <summary>The type of <paramref name="manifest"/>, or null when it is not a current manifest (an upcaster must handle it).</summary>
    public static Type? TypeOf(string manifest) => Types.GetValueOrDefault(manifest);
}
