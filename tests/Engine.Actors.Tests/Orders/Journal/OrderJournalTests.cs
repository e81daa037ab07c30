using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Actors.Orders;
using Engine.Messages;
using Engine.Messages.Orders;
using Engine.Persistence;
using Engine.Persistence.Serialization;
using Engine.Persistence.Snapshots;
using Engine.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using static Engine.Actors.Tests.Orders.OrderFixtures;

namespace Engine.Actors.Tests.Orders.Journal;

/// <summary>
/// How order events are stored, end to end on the default plugin (the engine's journal on a real SQLite file): the
/// order journal's serializer (JSON, stable manifests, never a reflection default), the write event adapter (the
/// <c>orders</c> tag) and the read event adapter (an event written in an older version comes back upcast, both on
/// replay and through Akka.Persistence.Query).
/// </summary>
public sealed class OrderJournalTests : IDisposable
{
    private static readonly string PersistenceId = OrderJournal.PersistenceIdOf(Login);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("order-journal-");

    private string Database => Path.Combine(_directory.FullName, "engine.db");

    [Fact]
    public async Task Events_are_stored_as_json_with_stable_manifests_by_the_order_journal_serializer_and_tagged_orders()
    {
        await WriteAsync(Setup(), Submitted(), Accepted(), Fill("f-1", 2m));

        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM journal ORDER BY ordering";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
        }

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal((long)OrderJournalSerializer.SerializerIdentifier, Convert.ToInt64(r["serializer_id"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["OrderSubmitted.v1", "OrderAccepted.v1", "OrderPartiallyFilled.v1"], rows.Select(r => (string)r["manifest"]));
        Assert.All(rows, r => Assert.Contains(OrderJournal.Tag, (string)r["tags"], StringComparison.Ordinal));
        var json = JsonNode.Parse((byte[])rows[0]["payload"])!;
        Assert.Equal("c-1", json["ClientOrderId"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_event_written_in_an_older_version_is_upcast_by_the_read_adapter_on_replay_and_in_queries()
    {
        await WriteAsync(Setup(), Submitted(quantity: 3m), Accepted());
        var upcaster = new QuantityDoubling();

        var system = ActorSystem.Create("reader", Setup(VersionTwoRegistry(upcaster)));
        try
        {
            var recorder = system.ActorOf(Props.Create(() => new Recorder(PersistenceId)));
            var replayed = await recorder.Ask<IReadOnlyList<object>>(Recorder.GetEvents.Instance, TimeSpan.FromSeconds(10));
            var queried = await PersistenceQuery.Get(system)
                .ReadJournalFor<ICurrentEventsByPersistenceIdQuery>(PersistenceHocon.ReadJournalPluginId(new global::Engine.Persistence.Journal.JournalOptions()))
                .CurrentEventsByPersistenceId(PersistenceId, 0, long.MaxValue)
                .Select(e => e.Event)
                .RunWith(Sink.Seq<object>(), system.Materializer());

            foreach (var events in new[] { replayed, queried })
            {
                Assert.Equal([typeof(OrderSubmitted), typeof(OrderAccepted)], events.Select(e => e.GetType()));
                Assert.Equal(6m, ((OrderSubmitted)events[0]).Quantity);
            }

            Assert.True(upcaster.Calls >= 2, "the upcaster ran for the replay and for the query");
        }
        finally
        {
            await system.Terminate();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may still hold the file; the OS temp cleanup takes it.
        }
    }

    /// <summary>The default plugins (the engine's, on this test's SQLite file) with the order journal bound.</summary>
    private ActorSystemSetup Setup(EventManifestRegistry? registry = null)
    {
        var sqlite = new SqliteOptions { Path = Database };
        var config = PersistenceHocon.Build(new global::Engine.Persistence.Journal.JournalOptions { Sqlite = sqlite }, new SnapshotStoreOptions { Sqlite = sqlite })
            .WithFallback(OrderJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]))
            .WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var bootstrap = BootstrapSetup.Create().WithConfig(config);
        return registry is null ? ActorSystemSetup.Create(bootstrap) : bootstrap.And(new OrderJournalSetup(registry));
    }

    private static async Task WriteAsync(ActorSystemSetup setup, params IOrderEvent[] events)
    {
        var system = ActorSystem.Create("writer", setup);
        try
        {
            var writer = system.ActorOf(Props.Create(() => new Writer(PersistenceId)));
            await writer.Ask<Writer.Written>(new Writer.Write(events), TimeSpan.FromSeconds(10));
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>The engine's registry, but with <see cref="OrderSubmitted"/> at version 2 and an upcaster from 1.</summary>
    private static EventManifestRegistry VersionTwoRegistry(IEventUpcaster upcaster)
    {
        var registry = new EventManifestRegistry(new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(EngineMessagesJsonContext.Default, OrderBookJsonContext.Default),
        });
        foreach (var type in EventManifests.EventTypes)
        {
            registry.Register(type, type.Name, type == typeof(OrderSubmitted) ? 2 : EventManifests.CurrentVersion);
        }

        return registry
            .Register<OrderBookSnapshot>(OrderJournal.SnapshotManifest, OrderJournal.SnapshotVersion)
            .AddUpcaster(upcaster);
    }

    /// <summary>A made-up schema change: version 2 counts the quantity in half-units, so v1 quantities double.</summary>
    private sealed class QuantityDoubling : IEventUpcaster
    {
        private int _calls;

        public string Name => nameof(OrderSubmitted);

        public int FromVersion => 1;

        public int Calls => Volatile.Read(ref _calls);

        public JsonElement Upcast(JsonElement payload)
        {
            Interlocked.Increment(ref _calls);
            var node = JsonNode.Parse(payload.GetRawText())!.AsObject();
            node["Quantity"] = node["Quantity"]!.GetValue<decimal>() * 2;
            return JsonSerializer.SerializeToElement(node);
        }
    }

    /// <summary>Persists what it is given under the order book's persistence id, as the book would.</summary>
    private sealed class Writer : ReceivePersistentActor
    {
        public Writer(string persistenceId)
        {
            PersistenceId = persistenceId;
            Command<Write>(w =>
            {
                var requester = Sender;
                PersistAll(w.Events, _ => { });
                DeferAsync(w, _ => requester.Tell(new Written()));
            });
        }

        public override string PersistenceId { get; }

        public sealed record Write(IReadOnlyList<IOrderEvent> Events);

        public sealed record Written;
    }

    /// <summary>Replays the order book's stream and answers with what it recovered.</summary>
    private sealed class Recorder : ReceivePersistentActor
    {
        private readonly List<object> _events = [];

        public Recorder(string persistenceId)
        {
            PersistenceId = persistenceId;
            Recover<IOrderEvent>(_events.Add);
            Command<GetEvents>(_ => Sender.Tell((IReadOnlyList<object>)[.. _events]));
        }

        public override string PersistenceId { get; }

        public sealed record GetEvents
        {
            public static GetEvents Instance { get; } = new();
        }
    }
}
