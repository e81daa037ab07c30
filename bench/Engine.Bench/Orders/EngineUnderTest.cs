using System.Diagnostics;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Kernel.Actors;
using Engine.Kernel.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using Engine.Messages.Identifiers;
using Microsoft.Extensions.Logging;
using EngineQuantOptions = Engine.Actors.Venues.QuantGateway.QuantGatewayOptions;

namespace Engine.Bench.Orders;

/// <summary>
/// The engine side: an actor system with the real ConnectionsSupervisor → ConnectionActor → OrderBookActor tree for one
/// login (default order book options: snapshots every 1,000 events) on a journal in a temp dir, driven by an
/// <see cref="OrderFlowActor"/>. Disposing stops the system, closes the journal and deletes the dir.
/// </summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private static readonly LoginId Login = new("bench");
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly DirectoryInfo directory;
    private readonly PersistenceExtension persistence;
    private readonly ActorSystem system;
    private readonly IActorRef flow;

    private EngineUnderTest(DirectoryInfo directory, PersistenceExtension persistence, ActorSystem system, IActorRef flow)
    {
        this.directory = directory;
        this.persistence = persistence;
        this.system = system;
        this.flow = flow;
    }

    /// <summary>
    /// <c>sqlite</c> (the measured configuration) unless <c>ENGINE_BENCH_ORDERS_JOURNAL</c> names another plug-in
    /// (<c>in-memory</c> isolates the journal's share when profiling).
    /// </summary>
    private static string JournalPlugin => Environment.GetEnvironmentVariable("ENGINE_BENCH_ORDERS_JOURNAL") is { Length: > 0 } plugin ? plugin : "sqlite";

    /// <summary>The SQLite journal's durability: the default (FULL) unless <c>ENGINE_BENCH_ORDERS_SYNCHRONOUS</c> names another level.</summary>
    private static SqliteSynchronous Synchronous =>
        Enum.TryParse<SqliteSynchronous>(Environment.GetEnvironmentVariable("ENGINE_BENCH_ORDERS_SYNCHRONOUS"), ignoreCase: true, out var level)
            ? level
            : new SqliteOptions().Synchronous;

    /// <summary>Starts the engine and returns once an order of the login has been accepted (READY and symbol rules arrived).</summary>
    public static async Task<EngineUnderTest> StartAsync(Uri uri, ILoggerFactory loggerFactory, TextWriter progress, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("engine-bench-orders-");
        var database = Path.Combine(directory.FullName, "journal.db");
        progress.WriteLine($"orders: engine journal {JournalPlugin}" + (JournalPlugin == "sqlite" ? $" (synchronous {Synchronous})" : string.Empty));
        var persistence = await PersistenceExtension.OpenAsync(
            new JournalOptions { Plugin = JournalPlugin, Sqlite = new() { Path = database, Synchronous = Synchronous } },
            new SnapshotStoreOptions { Plugin = JournalPlugin, Sqlite = new() { Path = database } },
            OrderJournal.CreateRegistry(),
            TimeProvider.System,
            cancellationToken);
        var system = ActorSystem.Create("bench-orders", new ActorSystemOptions { LoggerFactory = loggerFactory });
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
        var settings = new ConnectionsSettings([login], persistence, id => OrderBookActor.Props(id, persistence, new OrderBookOptions()));
        var connections = system.ActorOf(ConnectionsSupervisor.Props(settings), "connections");
        var flow = system.ActorOf(Props.Create(() => new OrderFlowActor(connections, Login, new Symbol(OrderFlow.Symbol))), "strategy");
        var engine = new EngineUnderTest(directory, persistence, system, flow);
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

    /// <summary>How many events the login's order journal holds.</summary>
    public Task<long> JournalEventsAsync(CancellationToken cancellationToken) =>
        persistence.Journal.ReadHighestSequenceNrAsync(OrderJournal.PersistenceIdOf(Login), 0, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await system.Terminate();
        await persistence.DisposeAsync();
        directory.Delete(recursive: true);
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
