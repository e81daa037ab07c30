using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Actors.Orders;
using Engine.Actors.Risk;
using Engine.Messages.Risk;
using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Host.Audit;

/// <summary>
/// Reads every trading-state change (tag <see cref="RiskJournal.Tag"/>) of a journal in commit order through
/// Akka.Persistence.Query, like <see cref="AuditJournalReader"/> does for the orders. Read-only.
/// </summary>
internal static class RiskAuditReader
{
    /// <summary>The changes in the journal <paramref name="options"/> names, oldest first; empty when there are none.</summary>
    public static async Task<IReadOnlyList<TradingStateChanged>> ReadAsync(JournalOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var snapshots = new SnapshotStoreOptions { Plugin = options.Plugin, Database = options.Database, Sqlite = options.Sqlite, PostgreSql = options.PostgreSql };
        var config = ConfigurationFactory.ParseString("akka.loglevel = WARNING")
            .WithFallback(PersistenceHocon.Build(options, snapshots))
            .WithFallback(OrderJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]))
            .WithFallback(RiskJournal.AkkaConfig([.. PersistenceHocon.JournalPluginIds]));
        var system = ActorSystem.Create("audit-risk", config);
        try
        {
            var query = PersistenceQuery.Get(system).ReadJournalFor<ICurrentEventsByTagQuery>(PersistenceHocon.ReadJournalPluginId(options));
            var envelopes = await query.CurrentEventsByTag(RiskJournal.Tag, Offset.NoOffset())
                .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer())
                .WaitAsync(cancellationToken);
            return [.. envelopes.Select(e => e.Event).OfType<TradingStateChanged>()];
        }
        finally
        {
            await system.Terminate();
        }
    }
}
