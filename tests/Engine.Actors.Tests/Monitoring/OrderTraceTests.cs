using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Engine.Actors.Monitoring;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Strategies;
using Engine.Actors.Tests.Orders.Actor;
using Engine.Actors.Tests.Strategies;
using Engine.Config;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;

namespace Engine.Actors.Tests.Monitoring;

/// <summary>
/// One trace per order, started inside the strategy's call: a real strategy (the base class's <c>Submit</c>) sends to
/// the real order book, which checks, journals and places it; the venue's acknowledgement and fill come back; the
/// metrics actor's lifecycle span ends at the fill. An <see cref="ActivityListener"/> sees the strategy's root span and
/// the book's and the lifecycle's spans as its children in the same trace.
/// </summary>
public sealed class OrderTraceTests : OrderBookActorTestBase, IDisposable
{
    private readonly ConcurrentBag<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public OrderTraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MetricsNames.Orders,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public void The_trace_starts_in_the_strategy_s_submit_and_covers_the_gate_the_journal_the_acknowledgement_and_the_fill()
    {
        Sys.ActorOf(MetricsActor.Props(), "metrics");
        StartBook();
        var context = new StrategyContext("tracer", [Login], Parent, HoconConfig.Parse(string.Empty, "tracer.conf").Resolve(_ => null)) { TimeProvider = Clock };
        var reports = TestActor;
        var strategy = Sys.ActorOf(Props.Create(() => new RecordingStrategy(context, reports)), "tracer");

        strategy.Tell(new RecordingStrategy.DoSubmit(Login, Btc, OrderSide.Buy, 1m, 100m));
        var id = ExpectMsg<ClientOrderId>();
        Assert.Equal(id, Connection.ExpectMsg<SendPlace>().Order.ClientOrderId);
        Tell(Placed(id.Value, "v-1"));
        Report(FillReport("v-1", "f-1", 1m));

        var submit = AwaitSpan("order.submit", id);
        var gate = AwaitSpan("order.gate", id);
        var lifecycle = AwaitSpan("order", id);
        Assert.Equal(default, submit.ParentSpanId);
        Assert.Equal("tracer", submit.GetTagItem("engine.strategy"));
        Assert.All([gate, lifecycle], span =>
        {
            Assert.Equal(submit.TraceId, span.TraceId);
            Assert.Equal(submit.SpanId, span.ParentSpanId);
        });
        Assert.Equal(["journaled", "accepted", "fill"], lifecycle.Events.Select(e => e.Name));
        Assert.Equal("filled", lifecycle.GetTagItem("engine.outcome"));
        Assert.True(lifecycle.StartTimeUtc <= lifecycle.Events.First().Timestamp.UtcDateTime);
    }

    void IDisposable.Dispose()
    {
        _listener.Dispose();
        Dispose();
    }

    private Activity AwaitSpan(string name, ClientOrderId id)
    {
        Activity? found = null;
        AwaitAssert(() => found = Assert.Single(_stopped, a => a.OperationName == name && (string?)a.GetTagItem("engine.client_order_id") == id.Value));
        return found!;
    }
}
