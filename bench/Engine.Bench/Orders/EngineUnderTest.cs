using System.Diagnostics;
using Akka.Actor;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages.Identifiers;
using Engine.Persistence.Plugin;
using Microsoft.Extensions.Logging;
using EngineQuantOptions = Engine.Actors.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Orders;

/// <summary>
/// The engine side: an Akka actor system composed like the engine host's (<see cref="BenchSystem"/>) with the real
/// ConnectionsSupervisor → BackoffSupervisor → ConnectionActor → OrderBookActor tree for one login (default order book
/// options: snapshots every 1,000 events) on the default durable journal in a temp dir (<see cref="BenchJournal"/>),
/// driven by an <see cref="OrderFlowActor"/>. Disposing stops the system and deletes the dir.
/// </summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private static readonly LoginId Login = new("bench");
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly BenchJournal journal;
    private readonly ActorSystem system;
    private readonly IActorRef flow;

    private EngineUnderTest(BenchJournal journal, ActorSystem system, IActorRef flow)
    {
        this.journal = journal;
        this.system = system;
        this.flow = flow;
    }

    /// <summary>Starts the engine and returns once an order of the login has been accepted (READY and symbol rules arrived).</summary>
    public static async Task<EngineUnderTest> StartAsync(Uri uri, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken cancellationToken)
    {
        var journal = new BenchJournal("engine-bench-orders-");
        progress.WriteLine($"orders: engine journal {journal.Description}");
        var system = await BenchSystem.CreateAsync("bench-orders", loggerFactory, journal.Journal, journal.Snapshots, cancellationToken);
        var login = new LoginOptions
        {
            Name = Login.Value,
            Venue = LoginOptions.QuantGatewayVenue,
            QuantGateway = new EngineQuantOptions
            {
                Url = uri,
                Platform = "huobi",
                Symbols = [OrderFlow.Symbol],
                AccessKey = "bench-engine-key",
                SecretKey = "bench-engine-secret",
            },
        };
        var settings = new ConnectionsSettings([login], id => OrderBookActor.Props(id, new OrderBookOptions()));
        var connections = system.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
        var flow = system.ActorOf(Props.Create(() => new OrderFlowActor(connections, Login, new Symbol(OrderFlow.Symbol))), "strategy");
        var engine = new EngineUnderTest(journal, system, flow);
        try
        {
            await engine.WaitUntilTradableAsync(progress, cancellationToken);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }

    /// <summary>One order at a time: each submit → OrderAccepted, in Stopwatch ticks.</summary>
    public Task<long[]> RoundTripsAsync(int count) => FlowAsync(count, 1);

    /// <summary>Up to <paramref name="window"/> orders in flight; the seconds from the first submit to the last accept.</summary>
    public async Task<double> PipelinedAsync(int count, int window)
    {
        var started = Stopwatch.GetTimestamp();
        await FlowAsync(count, window);
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>How many events the login's order journal holds (engine plugin; -1 on another plugin).</summary>
    public async Task<long> JournalEventsAsync(CancellationToken cancellationToken)
    {
        if (journal.Journal.ResolvedPlugin() != "engine")
        {
            return -1;
        }

        var store = await EngineJournalRegistry.For(system).JournalAsync(EnginePluginConfig.JournalId).WaitAsync(RunTimeout, cancellationToken);
        return await store.ReadHighestSequenceNrAsync(OrderJournal.PersistenceIdOf(Login), 0, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await system.Terminate();
        journal.Dispose();
    }

    private async Task WaitUntilTradableAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await FlowAsync(1, 1);
                return;
            }
            catch (InvalidOperationException ex) when (attempt < 100)
            {
                if (attempt == 1)
                {
                    progress.WriteLine($"orders: waiting for the login to become tradable ({ex.Message})");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    private async Task<long[]> FlowAsync(int count, int window)
    {
        var done = new TaskCompletionSource<long[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        flow.Tell(new OrderFlowActor.Run(count, window, done));
        return await done.Task.WaitAsync(RunTimeout);
    }
}
