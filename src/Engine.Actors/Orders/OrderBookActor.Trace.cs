using System.Diagnostics;
using Engine.Actors.Monitoring;
using Engine.Messages.Orders;

namespace Engine.Actors.Orders;

/// <summary>
/// An order that carries its trace (<see cref="SubmitOrder.TraceParent"/>, started by the strategy): the book's checks
/// and write-ahead run in the span <c>order.gate</c>, and the trace is handed on for the order's lifecycle span
/// (<see cref="OrderTraces"/>). Untraced orders go straight to the checks.
/// </summary>
public sealed partial class OrderBookActor
{
    private OrderTraces? _orderTraces;

    private void OnTracedSubmit(SubmitOrder command)
    {
        var traces = _orderTraces ??= OrderTraces.Get(Context.System);
        if (command.TraceParent is null || !traces.Source.HasListeners())
        {
            OnSubmit(command);
            return;
        }

        var parent = OrderTraces.Parse(command.TraceParent);
        using var gate = traces.Source.StartActivity("order.gate", ActivityKind.Internal, parent);
        gate?.SetTag("engine.login", _login.Value);
        gate?.SetTag("engine.client_order_id", command.ClientOrderId.Value);
        traces.Hand(command.Login, command.ClientOrderId, parent);
        OnSubmit(command);
    }
}
