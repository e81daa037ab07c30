using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Akka.Actor;
using Engine.Actors.Budget;
using Engine.Actors.MarketData;
using Engine.Actors.Monitoring;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Messages.MarketData;
using Engine.Messages.Risk;
using Engine.Persistence.Plugin;
using Engine.TestKit;

namespace Engine.Actors.Tests.Monitoring;

/// <summary>The metrics actor turns published events into instruments and one trace per order; read with a MeterListener and an ActivityListener.</summary>
public sealed class MetricsActorTests : EngineTestKit, IDisposable
{
    private readonly ConcurrentBag<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ConcurrentBag<Activity> _activities = [];
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _traces;
    private IActorRef _metrics = ActorRefs.Nobody;

    public MetricsActorTests()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MetricsNames.Meter)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _meters.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _traces = new ActivityListener
        {
            ShouldListenTo = s => s.Name == MetricsNames.Orders,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("engine.login") as string == "demo-" + Sys.Name)
                {
                    _activities.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(_traces);
    }

    [Fact]
    public void Orders_rejections_fills_connections_and_risk_states_become_instruments_and_an_order_a_trace()
    {
        StartMetrics();
        var login = new LoginId("demo-" + Sys.Name);
        var t0 = UtcNow;
        Publish(
            new OrderSubmitted(login, new ClientOrderId("mm-a-1"), t0, new Symbol("BTC"), OrderSide.Buy, OrderType.Limit, 1m, 100m),
            new OrderAccepted(login, new ClientOrderId("mm-a-1"), t0.AddMilliseconds(40), new VenueOrderId("v1")),
            new OrderFilled(login, new ClientOrderId("mm-a-1"), t0.AddMilliseconds(90), new VenueOrderId("v1"), new FillId("f1"), 100m, 1m),
            new OrderSubmitted(login, new ClientOrderId("mm-a-2"), t0, new Symbol("BTC"), OrderSide.Buy, OrderType.Limit, 5m, 100m),
            new OrderRejected(login, new ClientOrderId("mm-a-2"), t0, "too big", IsLocal: true, new RiskBreach("max-order-quantity", "login:demo", 1m, 5m, "too big")),
            new ConnectionStateChanged(login, t0, ConnectionState.Reconnecting),
            new ConnectionStateChanged(login, t0, ConnectionState.Ready),
            new TradingStateChanged(RiskScope.OfLogin(login.Value), t0, TradingState.Active, TradingState.Halted, "api", "test"));

        AwaitAssert(() => Assert.Contains(_measurements, m => m.Name == "engine.risk.state_changes"));
        AwaitAssert(() => Assert.Contains(Mine, m => m.Name == "engine.connection.reconnects"));
        Assert.Equal(2, Sum("engine.orders.submitted"));
        Assert.Equal(40, Assert.Single(Mine, m => m.Name == "engine.orders.round_trip").Value, 3);
        Assert.Equal(90, Assert.Single(Mine, m => m.Name == "engine.orders.submit_to_fill").Value, 3);
        Assert.Equal("max-order-quantity", Assert.Single(Mine, m => m.Name == "engine.orders.rejected").Tags["reason"]);
        Assert.Equal(1, Sum("engine.fills"));
        Assert.Equal(1, Sum("engine.connection.reconnects"));

        _meters.RecordObservableInstruments();
        Assert.Contains(_measurements, m => m.Name == "engine.connection.state" && m.Value == (int)ConnectionState.Ready && (string?)m.Tags["login"] == login.Value);
        Assert.Contains(_measurements, m => m.Name == "engine.risk.state" && m.Value == (int)TradingState.Halted && (string?)m.Tags["scope"] == "login:" + login.Value);

        AwaitAssert(() => Assert.Equal(2, _activities.Count));
        var filled = Assert.Single(_activities, a => (string?)a.GetTagItem("engine.client_order_id") == "mm-a-1");
        Assert.Equal(["journaled", "accepted", "fill"], filled.Events.Select(e => e.Name));
        Assert.Equal("filled", filled.GetTagItem("engine.outcome"));
        Assert.Equal(ActivityStatusCode.Error, Assert.Single(_activities, a => (string?)a.GetTagItem("engine.client_order_id") == "mm-a-2").Status);
    }

    [Fact]
    public void Journal_commits_book_resyncs_and_budget_use_become_instruments()
    {
        StartMetrics();
        var login = new LoginId("demo-" + Sys.Name);
        var plugin = "akka.persistence.journal.engine-" + Sys.Name;
        var feed = new FeedId("feed-" + Sys.Name);
        Publish(
            new JournalWriteCommitted(plugin, 2, TimeSpan.FromMilliseconds(1.5)),
            new JournalWriteCommitted(plugin, 1, TimeSpan.FromMilliseconds(0.5)),
            new BookResynced(feed, new Symbol("BTCUSDT"), BookResynced.Gap, UtcNow),
            new BookResynced(feed, new Symbol("BTCUSDT"), BookResynced.Crossed, UtcNow),
            new BudgetUsageSampled(login, UtcNow, [new BudgetWindowUsage("REQUESTS", 3, 20), new BudgetWindowUsage("ORDERS_10S", 1, 50)]),
            new BudgetUsageSampled(login, UtcNow, [new BudgetWindowUsage("REQUESTS", 7, 20)]));

        AwaitAssert(() => Assert.Equal(2, _measurements.Count(m => m.Name == "engine.marketdata.resyncs" && (string?)m.Tags["feed"] == feed.Value)));
        Assert.Equal([0.5, 1.5], _measurements.Where(m => m.Name == "engine.journal.commit" && (string?)m.Tags["plugin"] == plugin).Select(m => m.Value).Order());
        Assert.Equal(["crossed", "gap"], _measurements.Where(m => m.Name == "engine.marketdata.resyncs" && (string?)m.Tags["feed"] == feed.Value).Select(m => (string)m.Tags["cause"]!).Order());

        AwaitAssert(() =>
        {
            _meters.RecordObservableInstruments();
            Assert.Contains(Mine, m => m.Name == "engine.budget.used" && (string?)m.Tags["window"] == "REQUESTS" && m.Value == 7);
        });
        Assert.Contains(Mine, m => m.Name == "engine.budget.used" && (string?)m.Tags["window"] == "ORDERS_10S" && m.Value == 1);
        Assert.Contains(Mine, m => m.Name == "engine.budget.limit" && (string?)m.Tags["window"] == "REQUESTS" && m.Value == 20);
    }

    void IDisposable.Dispose()
    {
        _meters.Dispose();
        _traces.Dispose();
        Dispose();
    }

    private void StartMetrics()
    {
        _meters.Start();
        _metrics = Sys.ActorOf(MetricsActor.Props(), "metrics");
        _metrics.Tell(new Identify(1), TestActor);
        ExpectMsg<ActorIdentity>();
    }

    private void Publish(params object[] events)
    {
        foreach (var e in events)
        {
            Sys.EventStream.Publish(e);
        }
    }

    private double Sum(string name) => Mine.Where(m => m.Name == name).Sum(m => m.Value);

    /// <summary>Measurements of this test's login (other systems' meters share the name).</summary>
    private IEnumerable<(string Name, double Value, Dictionary<string, object?> Tags)> Mine =>
        _measurements.Where(m => m.Tags.TryGetValue("login", out var l) ? (string?)l == "demo-" + Sys.Name : m.Tags.TryGetValue("scope", out var s) && (string?)s == "login:demo-" + Sys.Name);

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var map = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), map));
    }
}
