using System.Collections.Immutable;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.TestKit;
using Engine.Actors.Orders;
using Engine.Actors.Orders.Protocol;
using Engine.Actors.Risk;
using Engine.Actors.Runtime;
using Engine.Actors.Venues;
using Engine.Messages.Identifiers;
using Engine.Messages.Markets;
using Engine.Messages.Orders;
using Engine.Messages.Risk;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Plugin;
using Engine.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using static Engine.Host.Tests.OrderEvents;

namespace Engine.Host.Tests.Risk;

/// <summary>
/// The risk limits hold across a restart: an earlier run traded on a real SQLite journal (the engine plugin), the
/// engine starts again on that file, and the risk actor (ledger rebuilt from the order journal through
/// Akka.Persistence.Query) and the order book (orders recovered, exposure counters rebuilt) still refuse what the
/// daily-loss and net-position limits forbid.
/// </summary>
public sealed class RiskRestartTests : Akka.TestKit.Xunit2.TestKit
{
    private const string Mm1 = "mm-lq2x1a-1";
    private const string Mm2 = "mm-lq2x1a-2";
    private static readonly Symbol Btc = new("BTC/USDT");
    private static readonly DateTimeOffset Restarted = T0.AddMinutes(5);

    private readonly TempDir _dir;
    private readonly JournalOptions _journal;

    public RiskRestartTests()
        : this(new TempDir())
    {
    }

    private RiskRestartTests(TempDir dir)
        : this(dir, OrderJournalFile.Sqlite(dir.File("engine.db")))
    {
    }

    private RiskRestartTests(TempDir dir, JournalOptions journal)
        : base(Setup(journal), "risk-restart")
    {
        _dir = dir;
        _journal = journal;
    }

    /// <summary>What the earlier run did: bought 2 at 100, sold 1 at 90: long 1, the day's PnL -20 at the last fill (90).</summary>
    private Task TradeInAnEarlierRunAsync() => OrderJournalFile.WriteAsync(_journal, [
        Submit(Mm1, OrderSide.Buy, 2m, 100m, at: 0), Accept(Mm1, at: 1), Fill(Mm1, "f-1", 2m, 100m, at: 2),
        Submit(Mm2, OrderSide.Sell, 1m, 90m, at: 10), Accept(Mm2, at: 11), Fill(Mm2, "f-2", 1m, 90m, at: 12)]);

    [Fact]
    public async Task After_a_restart_the_daily_loss_still_halts_and_refuses()
    {
        await TradeInAnEarlierRunAsync();

        var risk = StartRisk(new RiskOptions { Logins = [new RiskLimits { Name = Login.Value, MaxDailyLoss = 15m }] });
        var status = await risk.Ask<RiskStatus>(GetRiskStatus.Instance, TimeSpan.FromSeconds(10));
        var position = Assert.Single(status.Positions);
        Assert.Equal((Login.Value, "mm", Btc.Value, 1m, 90m, -20m), (position.Login, position.Strategy, position.Symbol, position.Position, position.Mark, position.DailyPnl));
        var login = Assert.Single(status.Scopes, s => s.Scope == "login:qg-huobi");
        Assert.Equal((TradingState.Halted, RiskActor.TriggerActor), (login.State, login.LastChange?.By));
        Assert.StartsWith(RiskRules.MaxDailyLoss, login.LastChange!.Cause, StringComparison.Ordinal);

        var (book, _) = StartBook();
        book.Tell(Order("mm-lq2x1a-3", OrderSide.Buy), TestActor);
        Assert.Equal((RiskRules.Halted, "login:qg-huobi"), Breach(ExpectMsg<OrderRejected>()));

        // Resumed by an operator, the limit itself still refuses: the day's loss is in the ledger, not only in the state.
        await risk.Ask<TradingStateChanged>(new SetTradingState(RiskScope.OfLogin(Login.Value), TradingState.Active, Restarted, "test", "resume"), TimeSpan.FromSeconds(10));
        book.Tell(Order("mm-lq2x1a-4", OrderSide.Sell), TestActor);
        var rejected = ExpectMsg<OrderRejected>();
        Assert.Equal((RiskRules.MaxDailyLoss, "login:qg-huobi"), Breach(rejected));
        Assert.Equal((15m, 20m), (rejected.Breach!.Limit, rejected.Breach.Actual));
    }

    [Fact]
    public async Task After_a_restart_the_net_position_limit_still_refuses_what_would_pass_it_and_lets_a_reduction_go()
    {
        await TradeInAnEarlierRunAsync();

        StartRisk(new RiskOptions { Strategies = [new RiskLimits { Name = "mm", MaxNetPosition = 1.5m }] });
        var (book, connection) = StartBook();

        book.Tell(Order("mm-lq2x1a-3", OrderSide.Buy), TestActor);
        var rejected = ExpectMsg<OrderRejected>();
        Assert.Equal((RiskRules.MaxNetPosition, "strategy:mm"), Breach(rejected));
        Assert.Equal(2m, rejected.Breach!.Actual);

        book.Tell(Order("mm-lq2x1a-4", OrderSide.Sell), TestActor);
        Assert.Equal("mm-lq2x1a-4", connection.ExpectMsg<SendPlace>().Order.ClientOrderId.Value);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _dir.Dispose();
        }
    }

    private static (string? Rule, string? Scope) Breach(OrderRejected rejected) => (rejected.Breach?.Rule, rejected.Breach?.Scope);

    private static SubmitOrder Order(string cid, OrderSide side) =>
        new(Login, new ClientOrderId(cid), Restarted, Btc, side, OrderType.Limit, 1m, 95m);

    private IActorRef StartRisk(RiskOptions options) =>
        Sys.ActorOf(RiskActor.Props(options, "/user/connections", readJournalPluginId: EnginePluginConfig.ReadJournalId), RiskActor.Name);

    /// <summary>The login's order book under a parent that hands what the book sends it to a probe; ready to trade.</summary>
    private (IActorRef Book, TestProbe Connection) StartBook()
    {
        var connection = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent(OrderBookActor.Props(Login, new OrderBookOptions()), connection.Ref)), "connection");
        var rules = ImmutableDictionary<Symbol, SymbolRules>.Empty.Add(Btc, new SymbolRules(Btc, PriceTick: 0.01m, SizeTick: 0.0001m, MinQuantity: 0.0001m));
        parent.Tell(new ConnectionReadiness(true, "ready", rules));
        return (parent, connection);
    }

    private static ActorSystemSetup Setup(JournalOptions journal) =>
        BootstrapSetup.Create()
            .WithConfig(ConfigurationFactory.ParseString("akka.test.single-expect-default = 10s\nakka.test.default-timeout = 10s")
                .WithFallback(OrderJournalFile.AkkaConfigFor(journal))
                .WithFallback(RiskJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds])))
            .And(new EngineSetup(new ManualTimeProvider(Restarted), new Random(42), NullLoggerFactory.Instance));

    /// <summary>Stands in for the connection: the book is its child; what the book sends goes to the probe.</summary>
    private sealed class Parent(Props book, IActorRef probe) : ReceiveActor
    {
        private IActorRef _book = ActorRefs.Nobody;

        protected override void PreStart() => _book = Context.ActorOf(book, "orders");

        protected override void Unhandled(object message)
        {
            if (Equals(Sender, _book))
            {
                probe.Tell(message, Self);
            }
            else
            {
                _book.Forward(message);
            }
        }
    }
}
