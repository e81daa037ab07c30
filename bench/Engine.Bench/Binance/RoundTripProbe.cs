using System.Diagnostics;
using System.Globalization;
using Engine.Kernel.Actors;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Bench.Binance;

/// <summary>
/// A strategy-like probe: tells one <see cref="SubmitOrder"/> at a time to the connections supervisor named by the
/// <see cref="Run"/> and measures it
/// until the <see cref="OrderAccepted"/> for its client order id arrives on the event stream (what a strategy sees).
/// The next order is sent only after the previous one was accepted. A rejection or unknown outcome of one of its own
/// orders fails the run. Completes <c>ready</c> on the login's first READY. Runs on its actor's thread only.
/// </summary>
internal sealed class RoundTripProbe : ReceiveActor
{
    private readonly LoginId login;
    private readonly TaskCompletionSource ready;
    private Run? run;
    private long[] latencies = [];
    private ClientOrderId? pending;
    private long sentAt;
    private int completed;
    private int runNumber;

    public RoundTripProbe(LoginId login, TaskCompletionSource ready)
    {
        this.login = login;
        this.ready = ready;
        Receive<Run>(OnRun);
        Receive<OrderAccepted>(OnAccepted);
        Receive<IOrderEvent>(OnOtherOrderEvent);
        Receive<ConnectionStateChanged>(OnState);
    }

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(OrderAccepted));
        Context.System.EventStream.Subscribe(Self, typeof(OrderRejected));
        Context.System.EventStream.Subscribe(Self, typeof(OrderStatusUnknown));
        Context.System.EventStream.Subscribe(Self, typeof(ConnectionStateChanged));
    }

    private void OnState(ConnectionStateChanged e)
    {
        if (e.Login == login && e.State == ConnectionState.Ready)
        {
            ready.TrySetResult();
        }
    }

    private void OnRun(Run next)
    {
        run = next;
        runNumber++;
        latencies = new long[next.Count];
        completed = 0;
        SubmitNext(next);
    }

    private void SubmitNext(Run current)
    {
        var id = new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"bnb{runNumber}x{completed}"));
        pending = id;
        var order = new SubmitOrder(
            login,
            id,
            Context.System.TimeProvider.GetUtcNow(),
            new Symbol(BinanceBenchOrder.Symbol),
            OrderSide.Buy,
            OrderType.Limit,
            BinanceBenchOrder.Quantity,
            BinanceBenchOrder.Price);
        sentAt = Stopwatch.GetTimestamp();
        current.Connections.Tell(order, Self);
    }

    private void OnAccepted(OrderAccepted e)
    {
        if (run is null || e.ClientOrderId != pending)
        {
            return;
        }

        latencies[completed++] = Stopwatch.GetTimestamp() - sentAt;
        pending = null;
        if (completed < run.Count)
        {
            SubmitNext(run);
            return;
        }

        var done = run.Done;
        run = null;
        done.TrySetResult(latencies);
    }

    private void OnOtherOrderEvent(IOrderEvent e)
    {
        if (run is not null && e.ClientOrderId == pending)
        {
            var done = run.Done;
            run = null;
            pending = null;
            done.TrySetException(new InvalidOperationException($"order {e.ClientOrderId} was not accepted: {e}"));
        }
    }

    /// <summary>Place <paramref name="Count"/> orders one after another through <paramref name="Connections"/>; completes with each round trip in Stopwatch ticks.</summary>
    public sealed record Run(IActorRef Connections, int Count, TaskCompletionSource<long[]> Done);
}
