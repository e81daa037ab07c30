using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Venues;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using Engine.TestKit;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// One order book under a forwarding parent, by default on <see cref="SwitchableJournal"/> (in memory, serialized by the
/// engine's serializer, able to fail, reject or hold writes on demand) and Akka's in-memory snapshot store.
/// <see cref="Connection"/> receives what the book sends its parent and, while the book runs, its <see cref="Terminated"/>;
/// <see cref="Events"/> receives the published order events; <see cref="Strategy"/> is the sender of commands.
/// </summary>
public abstract class OrderBookActorTestBase : EngineTestKit
{
    protected static readonly LoginId Login = new("qg-1");
    protected static readonly Symbol Btc = new("BTC/USDT");
    protected static readonly Symbol Eth = new("ETH/USDT");

    private static readonly ImmutableDictionary<Symbol, SymbolRules> Rules = new Dictionary<Symbol, SymbolRules>
    {
        [Btc] = new(Btc, PriceTick: 0.01m, SizeTick: 0.0001m, MinQuantity: 0.0001m),
        [Eth] = new(Eth, PriceTick: 0.01m, SizeTick: 0.001m),
    }.ToImmutableDictionary();

    /// <summary>How long a test waits for something it awaits outside the TestKit's expectations.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ILoggerFactory _loggerFactory;
    private int _incarnation;

    protected OrderBookActorTestBase()
        : this(SwitchableJournal.Hocon)
    {
    }

    /// <summary>Starts the system with <paramref name="hocon"/> (persistence plugins) over the TestKit's defaults.</summary>
    protected OrderBookActorTestBase(string hocon)
        : this(hocon, new LogCapture())
    {
    }

    private OrderBookActorTestBase(string hocon, LogCapture logs)
        : this(hocon, logs, LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)))
    {
    }

    private OrderBookActorTestBase(string hocon, LogCapture logs, ILoggerFactory loggerFactory)
        : base(new EngineTestKitOptions { Hocon = hocon, LoggerFactory = loggerFactory })
    {
        _loggerFactory = loggerFactory;
        Logs = logs;
        Connection = CreateTestProbe("connection");
        Events = CreateTestProbe("events");
        Strategy = CreateTestProbe("strategy");
        Sys.EventStream.Subscribe(Events.Ref, typeof(IOrderEvent));

        // Every incarnation journals and publishes its SessionStarted first; the tests here are about the orders after it.
        Events.IgnoreMessages<SessionStarted>();
    }

    /// <summary>The events of <see cref="SwitchableJournal"/>, and its switches.</summary>
    protected SwitchableStorage Storage => SwitchableStorage.For(Sys);

    /// <summary>Every log entry of the system under test.</summary>
    protected LogCapture Logs { get; }

    /// <summary>Journal plugin of the book; null is the configured default.</summary>
    protected string? JournalPluginId { get; set; }

    /// <summary>Snapshot store plugin of the book; null is the configured default.</summary>
    protected string? SnapshotPluginId { get; set; }

    protected TestProbe Connection { get; }

    protected TestProbe Events { get; }

    protected TestProbe Strategy { get; }

    protected IActorRef Parent { get; private set; } = ActorRefs.Nobody;

    protected IActorRef Book { get; private set; } = ActorRefs.Nobody;

    protected OrderBookOptions Options { get; set; } = new() { HeldReportTimeout = TimeSpan.FromSeconds(10), SnapshotEvery = 0 };

    /// <summary>Runs on the parent's thread for each message from the book, before the probe sees it.</summary>
    protected Action<object>? Inspect { get; set; }

    /// <summary>The engine clock's now (hides the TestKit's wall-clock <c>Now</c>).</summary>
    protected new DateTimeOffset Now => UtcNow;

    /// <summary>Starts the book (a new incarnation on the same journal) and waits until it has recovered.</summary>
    protected void StartBook(bool ready = true)
    {
        Parent = Sys.ActorOf(Props.Create(() => new ForwardingParent(OrderBookActor.Props(Login, Options, JournalPluginId, SnapshotPluginId), Connection.Ref, Inspect)), $"connection-{++_incarnation}");
        Book = Connection.ExpectMsg<ForwardingParent.ChildStarted>().Child;
        Connection.Watch(Book);
        if (ready)
        {
            Tell(new ConnectionReadiness(true, "ready", Rules));
        }

        Orders();
    }

    /// <summary>Stops the parent (and the book) and waits for the book to terminate.</summary>
    protected void StopBook()
    {
        Connection.Unwatch(Book);
        Watch(Book);
        Sys.Stop(Parent);
        ExpectTerminated(Book);
        Unwatch(Book);
    }

    protected void Tell(object message) => Parent.Tell(message, Strategy.Ref);

    /// <summary>The book as the actor sees it, after everything sent so far was handled.</summary>
    protected OrdersView Orders()
    {
        var probe = CreateTestProbe();
        Parent.Tell(GetOrders.Instance, probe.Ref);
        return probe.ExpectMsg<OrdersView>();
    }

    protected OrderState Order(string cid) => Orders().Find(new ClientOrderId(cid)) ?? throw new InvalidOperationException($"no order {cid}");

    /// <summary>Every order event in the book's journal stream, deserialized, in sequence order (without the sessions' starts).</summary>
    protected List<object> Journal() => [.. FullJournal().Where(e => e is not SessionStarted)];

    /// <summary>Every event in the book's journal stream, each incarnation's <see cref="SessionStarted"/> included.</summary>
    protected List<object> FullJournal() => Storage.Events(OrderJournal.PersistenceIdOf(Login));

    /// <summary>
    /// The book's newest snapshot at or below <paramref name="maxSequenceNr"/> in its snapshot store, or null; asked of
    /// the store itself, as a recovery would.
    /// </summary>
    protected async Task<SelectedSnapshot?> LatestSnapshotAsync(long maxSequenceNr = long.MaxValue)
    {
        var store = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(SnapshotPluginId);
        var criteria = new SnapshotSelectionCriteria(maxSequenceNr);
        var result = await store.Ask<LoadSnapshotResult>(new LoadSnapshot(OrderJournal.PersistenceIdOf(Login), criteria, long.MaxValue), Patience);
        return result.Snapshot;
    }

    protected static SubmitOrder Limit(string cid, decimal quantity = 1m, decimal? price = 100m, Symbol? symbol = null, OrderSide side = OrderSide.Buy) =>
        new(Login, new ClientOrderId(cid), new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero), symbol ?? Btc, side, OrderType.Limit, quantity, price);

    /// <summary>Submits <paramref name="cid"/> and consumes the SendPlace and the published OrderSubmitted.</summary>
    protected void Submit(string cid, decimal quantity = 1m, decimal? price = 100m, Symbol? symbol = null)
    {
        Tell(Limit(cid, quantity, price, symbol));
        Connection.ExpectMsg<SendPlace>(p => p.Order.ClientOrderId.Value == cid);
        Events.ExpectMsg<OrderSubmitted>(e => e.ClientOrderId.Value == cid);
    }

    /// <summary>
    /// Submits and places <paramref name="cid"/> as venue order <paramref name="vid"/>, and waits until its
    /// <see cref="OrderAccepted"/> committed too (it is published before its commit; the book answers
    /// <see cref="GetOrders"/> only after every earlier event committed).
    /// </summary>
    protected void Place(string cid, string vid, decimal quantity = 1m, decimal? price = 100m, Symbol? symbol = null)
    {
        Submit(cid, quantity, price, symbol);
        Tell(Placed(cid, vid));
        Events.ExpectMsg<OrderAccepted>(e => e.ClientOrderId.Value == cid);
        Orders();
    }

    protected PlaceOutcome Placed(string cid, string vid) => new(new ClientOrderId(cid), new OrderPlacedReply(new VenueOrderId(vid)), null, Now);

    protected VenueOrderUpdate FillReport(string vid, string fillId, decimal quantity, decimal price = 100m) =>
        new(new VenueOrderId(vid), Now, cid => new OrderPartiallyFilled(Login, cid, Now, new VenueOrderId(vid), new FillId(fillId), price, quantity, 0.01m, "USDT", Liquidity.Maker));

    protected VenueOrderUpdate StatusReport(string vid, OrderStatus status, decimal quantity, decimal remaining) =>
        new(new VenueOrderId(vid), Now, cid => new OrderStatusReported(Login, cid, Now, new VenueOrderId(vid), status, quantity, remaining));

    protected void Report(params VenueOrderUpdate[] updates) => Tell(new VenueReports([.. updates]));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _loggerFactory.Dispose();
        }
    }
}
