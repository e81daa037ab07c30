using System.Diagnostics;
using Engine.Actors.Monitoring;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Strategies;

/// <summary>Where an order's trace starts: the strategy's own call to submit it.</summary>
public abstract partial class StrategyActor
{
    private OrderTraces? _orderTraces;

    /// <summary>
    /// Starts the root span <c>order.submit</c> of a new order (a child of the ambient activity, if the strategy runs in
    /// one); null when nobody listens to order traces. The caller ends it when the command is sent.
    /// </summary>
    private Activity? StartOrderTrace(LoginId login, ClientOrderId id, Symbol symbol, OrderSide side)
    {
        var source = (_orderTraces ??= OrderTraces.Get(Context.System)).Source;
        if (!source.HasListeners())
        {
            return null;
        }

        var activity = source.StartActivity("order.submit", ActivityKind.Producer);
        activity?.SetTag("engine.strategy", Name);
        activity?.SetTag("engine.login", login.Value);
        activity?.SetTag("engine.client_order_id", id.Value);
        activity?.SetTag("engine.symbol", symbol.Value);
        activity?.SetTag("engine.side", side.ToString());
        return activity;
    }
}
