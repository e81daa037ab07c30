using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Monitoring;

/// <summary>
/// The order traces of one actor system (an Akka extension, <see cref="OrderTracesId"/>): the
/// <see cref="ActivitySource"/> named <see cref="MetricsNames.Orders"/> that the strategy base class and the order books
/// start their spans on (disposed when the system terminates), and the hand-over of each order's trace context from the
/// order book, which receives it in <see cref="Engine.Messages.Orders.SubmitOrder.TraceParent"/>, to the metrics actor,
/// which opens the order's lifecycle span (journaled, acknowledged, filled) as its child. One trace per order: the
/// strategy's <c>order.submit</c> span is the root; <c>order.gate</c> (the book's checks and write-ahead) and
/// <c>order</c> (the lifecycle) are its children. At most <see cref="MaxPending"/> contexts wait to be taken, so a system
/// without a metrics actor cannot grow it without bound. Thread-safe.
/// </summary>
public sealed class OrderTraces : IExtension
{
    /// <summary>Most trace contexts kept for the metrics actor at once; more are not kept (their lifecycle span starts a trace of its own).</summary>
    public const int MaxPending = 10_000;

    private readonly ConcurrentDictionary<(LoginId, ClientOrderId), ActivityContext> _pending = new();

    /// <summary>Created by <see cref="OrderTracesId"/>.</summary>
    public OrderTraces(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        Source = new ActivitySource(MetricsNames.Orders);
        system.RegisterOnTermination(Source.Dispose);
    }

    /// <summary>The source of the order spans.</summary>
    public ActivitySource Source { get; }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static OrderTraces Get(ActorSystem system) => system.WithExtension<OrderTraces, OrderTracesId>();

    /// <summary>The context of <paramref name="traceParent"/> (W3C), or default when null or unreadable.</summary>
    public static ActivityContext Parse(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;

    /// <summary>Keeps the trace of an order for <see cref="Take"/>; nothing when the context is empty or too many wait.</summary>
    public void Hand(LoginId login, ClientOrderId clientOrderId, ActivityContext context)
    {
        if (context != default && _pending.Count < MaxPending)
        {
            _pending[(login, clientOrderId)] = context;
        }
    }

    /// <summary>Takes the trace of an order handed by its book; default when none.</summary>
    public ActivityContext Take(LoginId login, ClientOrderId clientOrderId) =>
        _pending.TryRemove((login, clientOrderId), out var context) ? context : default;
}
