using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Actors.Audit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Bench.Orders;
using Engine.Messages.Connectivity;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Persistence;
using Engine.Simulator.Accounts;
using Engine.Simulator.Hosting;
using Microsoft.Extensions.Logging;
using EngineQuantOptions = Engine.Actors.Venues.QuantGateway.QuantGatewayOptions;
using SimQuantOptions = Engine.Simulator.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Soak;

/// <summary>
/// A soak, not a speed test: <see cref="Orders"/> orders through the whole engine (ConnectionsSupervisor →
/// ConnectionActor → OrderBookActor on the default durable journal, <see cref="BenchJournal"/>) against the in-process
/// quant gateway simulator, which gives no client order id, under <see cref="AttributionFaults"/> (5 % of the place replies lost) and one exchange outage
/// half-way (codes 4, 5, 2, 6), then a drain that cancels what rests. The journal, read as the audit reads it, is then
/// compared with the venue's truth and audited (<see cref="SoakTally"/>). Every line's expected value is 0.
/// </summary>
public sealed class SoakSuite : IBenchSuite
{
    private const int Orders = 10_000;
    private const int Chunk = 500;
    private const double DroppedPlaceReplies = 0.05;
    private static readonly LoginId Login = new("soak");
    private static readonly Symbol Btc = new(OrderFlow.Symbol);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public string Name => "soak";

    public async IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = context.Progress;
        using var loggerFactory = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Error));
        var simulatorOptions = new SimulatorOptions
        {
            Accounts = [Account()],
            QuantGateway = new SimQuantOptions { ReadyDelay = TimeSpan.FromMilliseconds(20), IdleTimeout = TimeSpan.FromMinutes(10) },
        };
        await using var simulator = await SimulatorHost.StartAsync("quant-gateway", simulatorOptions, port: 0, loggerFactory, cancellationToken: cancellationToken);
        using var control = simulator.CreateControlClient();
        await control.MarketAsync(new MarketCommand { Symbol = Btc.Value, Mid = AttributionOrders.Mid }, cancellationToken);

        using var journal = new BenchJournal("engine-bench-soak-");
        progress.WriteLine($"soak: engine journal {journal.Description}");
        var system = await BenchSystem.CreateAsync("bench-soak", loggerFactory, journal.Journal, journal.Snapshots, cancellationToken);
        SoakTally tally;
        try
        {
            var states = Inbox.Create(system);
            system.EventStream.Subscribe(states.Receiver, typeof(ConnectionStateChanged));
            var settings = new ConnectionsSettings([EngineLogin(simulator.WebSocketUri)], id => OrderBookActor.Props(id, new OrderBookOptions()));
            var connections = system.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
            await ExpectStateAsync(states, ConnectionState.Ready);

            foreach (var rule in AttributionFaults.Mix(DroppedPlaceReplies, seed: 11))
            {
                await control.AddFaultAsync(rule, cancellationToken);
            }

            var book = system.ActorSelection($"{connections.Path}/{Login.Value}/connection/orders");
            var time = TimeProvider.System;
            for (var sent = 0; sent < Orders;)
            {
                for (var end = sent + Chunk; sent < end; sent++)
                {
                    connections.Tell(AttributionOrders.Next(Login, Btc, "soak", sent, time.GetUtcNow()), ActorRefs.NoSender);
                }

                await AllAnsweredAsync(book, control, sent, progress, cancellationToken);
                if (sent == Orders / 2)
                {
                    progress.WriteLine("soak: exchange outage");
                    await control.InjectStateAsync(new StateInjection { Codes = [] }, cancellationToken);
                    await ExpectStateAsync(states, ConnectionState.Reconnecting);
                    await ExpectStateAsync(states, ConnectionState.Ready);
                }

                progress.WriteLine($"soak: {sent} orders submitted");
            }

            try
            {
                await SettledAsync(book, progress, cancellationToken);
                progress.WriteLine("soak: settled; draining");
            }
            catch (TimeoutException ex)
            {
                // Not a reason to stop: the drain and the comparison below count what this left behind.
                progress.WriteLine($"soak: NOT settled, draining anyway: {ex.Message}");
            }
            var drained = await connections.Ask<ConnectionsDrained>(new DrainConnections(CancelWorkingOrders: true), Patience, cancellationToken);
            var leftovers = drained.Leftovers.Values.Sum(l => l.Length) + drained.NotDrained.Length;
            foreach (var leftover in drained.Leftovers.Values.SelectMany(l => l).Take(10))
            {
                progress.WriteLine($"soak: left open by the drain: {leftover}");
            }

            var report = OrderAudit.Run(await JournalAsync(system, journal), AuditFilter.All);
            var truth = (await control.GetTruthAsync(cancellationToken)).Accounts.Single(a => a.Orders.Count > 0);
            tally = SoakTally.Of(report, truth, Btc.Value, leftovers);
            progress.WriteLine($"soak: venue {truth.Orders.Count} orders, {truth.Fills.Count} fills; journal {report.Orders.Length} orders ({string.Join(", ", report.OrdersByStatus.Select(s => $"{s.Key} {s.Value}"))}), "
                + $"{report.ExternalOrders.Length} external orders, {report.Fills.Length + report.ExternalFills.Length} fills, {report.InferredVenueIds} venue ids inferred");
            progress.WriteLine($"soak: audit {(report.IsClean ? "clean" : $"{report.Violations.Length} violations: {string.Join("; ", report.Violations.Take(5))}")}; phantom fills {tally.PhantomFills}");
        }
        finally
        {
            await system.Terminate();
        }

        yield return new BenchResult("soak.fills_lost", "fills", tally.FillsLost, Expected: 0);
        yield return new BenchResult("soak.fills_doubled", "fills", tally.FillsDoubled + tally.PhantomFills, Expected: 0);
        yield return new BenchResult("soak.position_error", "BTC", (double)tally.PositionError, Expected: 0);
        yield return new BenchResult("soak.orphans_after_drain", "orders", tally.OrphansAfterDrain, Expected: 0);
        yield return new BenchResult("soak.audit_violations", "violations", tally.AuditViolations, Expected: 0);
        yield return new BenchResult("soak.external_orders", "orders", tally.ExternalOrders, Expected: 0);
    }

    private static LoginOptions EngineLogin(Uri uri) => new()
    {
        Name = Login.Value,
        Venue = LoginOptions.QuantGatewayVenue,
        DrainTimeout = TimeSpan.FromMinutes(2),
        QuantGateway = new EngineQuantOptions
        {
            Url = uri,
            Platform = "huobi",
            Symbols = [Btc.Value],
            AccessKey = "soak-key",
            SecretKey = "soak-secret",
            RequestTimeout = TimeSpan.FromSeconds(2),
            IdleTimeout = TimeSpan.FromMinutes(10),
        },
    };

    private static AccountOptions Account() => new()
    {
        Id = "soak",
        ApiKey = "soak-key",
        Secret = "soak-secret",
        SpotBalances = ImmutableDictionary<string, decimal>.Empty.Add("USDT", 1_000_000_000m).Add("BTC", 1_000m),
    };

    private static async Task ExpectStateAsync(Inbox states, ConnectionState state)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while (true)
        {
            var left = deadline - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"soak: login '{Login}' did not reach {state} within {Patience}");
            }

            if (await states.ReceiveAsync(left) is ConnectionStateChanged changed && changed.Login == Login && changed.State == state)
            {
                return;
            }
        }
    }

    /// <summary>Until every order sent so far reached the venue or was refused by the engine.</summary>
    private static Task AllAnsweredAsync(ActorSelection book, SimulatorControlClient control, int sent, TextWriter progress, CancellationToken cancellationToken) =>
        UntilAsync(
            async () =>
            {
                var view = await book.Ask<OrdersView>(GetOrders.Instance, Patience, cancellationToken);
                var seen = (await control.GetTruthAsync(cancellationToken)).Accounts.Sum(a => a.Orders.Count);
                var refused = view.Orders.Count(o => o.Status == OrderStatus.Rejected);
                return seen + refused >= sent ? null : $"venue {seen}, refused {refused}, {Describe(view)}";
            },
            $"the venue or the engine to answer {sent} orders",
            progress,
            cancellationToken);

    /// <summary>Until nothing awaits a reply, no unknown order lacks its venue id and no report is held.</summary>
    private static Task SettledAsync(ActorSelection book, TextWriter progress, CancellationToken cancellationToken) =>
        UntilAsync(
            async () =>
            {
                var view = await book.Ask<OrdersView>(GetOrders.Instance, Patience, cancellationToken);
                var settled = view.HeldReports == 0
                    && !view.Orders.Any(o => o.Status == OrderStatus.Submitted || (o.Status == OrderStatus.Unknown && o.VenueOrderId is null));
                return settled ? null : Describe(view);
            },
            "the order book to settle",
            progress,
            cancellationToken);

    private static string Describe(OrdersView view) =>
        $"book: {string.Join(", ", view.Orders.GroupBy(o => (o.Status, HasVenueId: o.VenueOrderId is not null)).OrderBy(g => g.Key.Status).Select(g => $"{g.Key.Status}{(g.Key.HasVenueId ? string.Empty : " (no venue id)")} {g.Count()}"))}, held reports {view.HeldReports}";

    /// <summary>Polls <paramref name="pending"/> (null: done; else what is still missing) until done, noting the state every 10 s.</summary>
    private static async Task UntilAsync(Func<Task<string?>> pending, string what, TextWriter progress, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var noted = TimeSpan.Zero;
        while (await pending() is { } missing)
        {
            var waited = TimeProvider.System.GetElapsedTime(started);
            if (waited > Patience)
            {
                throw new TimeoutException($"soak: waited {Patience} for {what}; {missing}");
            }

            if (waited - noted >= TimeSpan.FromSeconds(10))
            {
                noted = waited;
                progress.WriteLine($"soak: waiting for {what}: {missing}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Every event of the login's order journal, as the audit reads it.</summary>
    private static async Task<IReadOnlyList<AuditedEvent>> JournalAsync(ActorSystem system, BenchJournal journal)
    {
        var envelopes = await PersistenceQuery.Get(system)
            .ReadJournalFor<ICurrentEventsByPersistenceIdQuery>(PersistenceHocon.ReadJournalPluginId(journal.Journal))
            .CurrentEventsByPersistenceId(OrderJournal.PersistenceIdOf(Login), 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
        return [.. envelopes.Select(e => new AuditedEvent(e.SequenceNr, e.PersistenceId, e.SequenceNr, e.Event))];
    }
}
