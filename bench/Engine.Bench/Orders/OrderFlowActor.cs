using System.Diagnostics;
using System.Globalization;
using Akka.Actor;
using Engine.Actors.Runtime;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Bench.Orders;

/// <summary>
/// A strategy-like actor: submits <see cref="SubmitOrder"/>s to the connections supervisor with up to a window in
/// flight and measures each one from its submit to its <see cref="OrderAccepted"/> on the event stream (what a
/// strategy sees). Any rejection or unknown outcome of its own orders fails the run.
/// </summary>
public sealed class OrderFlowActor : ReceiveActor
{
    private readonly IActorRef connections;
    private readonly LoginId login;
    private readonly Symbol symbol;
    private readonly Dictionary<ClientOrderId, int> inFlight = [];
    private Run? run;
    private long[] started = [];
    private long[] latencies = [];
    private int submitted;
    private int accepted;
    private int runNumber;

    /// <summary>Orders of <see cref="OrderFlow"/>'s price and quantity on <paramref name="symbol"/>, in the venue's spelling.</summary>
    public OrderFlowActor(IActorRef connections, LoginId login, Symbol symbol)
    {
        this.connections = connections;
        this.login = login;
        this.symbol = symbol;
        Receive<Run>(OnRun);
        Receive<OrderAccepted>(OnAccepted);
        Receive<IOrderEvent>(OnOtherEvent);
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(OrderAccepted));
        Context.System.EventStream.Subscribe(Self, typeof(OrderRejected));
        Context.System.EventStream.Subscribe(Self, typeof(OrderStatusUnknown));
    }

    private void OnRun(Run next)
    {
        run = next;
        runNumber++;
        started = new long[next.Count];
        latencies = new long[next.Count];
        submitted = 0;
        accepted = 0;
        inFlight.Clear();
        while (submitted < next.Count && submitted < next.Window)
        {
            SubmitNext();
        }
    }

    private void SubmitNext()
    {
        var index = submitted++;
        var id = new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"b{runNumber}x{index}"));
        inFlight[id] = index;
        started[index] = Stopwatch.GetTimestamp();
        connections.Tell(
            new SubmitOrder(login, id, Context.Engine().Time.GetUtcNow(), symbol, OrderSide.Buy, OrderType.Limit, OrderFlow.Quantity, OrderFlow.Price),
            Self);
    }

    private void OnAccepted(OrderAccepted e)
    {
        if (run is null || !inFlight.Remove(e.ClientOrderId, out var index))
        {
            return;
        }

        latencies[index] = Stopwatch.GetTimestamp() - started[index];
        accepted++;
        if (submitted < run.Count)
        {
            SubmitNext();
        }

        if (accepted == run.Count)
        {
            var done = run.Done;
            run = null;
            done.TrySetResult(latencies);
        }
    }

    private void OnOtherEvent(IOrderEvent e)
    {
        if (run is not null && inFlight.ContainsKey(e.ClientOrderId))
        {
            var done = run.Done;
            run = null;
            done.TrySetException(new InvalidOperationException($"order {e.ClientOrderId} was not accepted: {e}"));
        }
    }

    /// <summary>Submit <paramref name="Count"/> orders, at most <paramref name="Window"/> in flight; completes with each one's latency in Stopwatch ticks.</summary>
    public sealed record Run(int Count, int Window, TaskCompletionSource<long[]> Done);
}
