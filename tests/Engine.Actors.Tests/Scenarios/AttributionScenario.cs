using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Actors.Audit;
using Engine.Actors.Connections;
using Engine.Actors.Orders;
using Engine.Messages.Orders;
using Engine.Persistence;
using Engine.Simulator.Hosting;

namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// Helpers of the attribution scenarios: what the journal holds, what the venue holds, and a drain driven on virtual time.
/// </summary>
internal static class AttributionScenario
{
    /// <summary>Every event of <paramref name="persistenceId"/>, as the audit reads it.</summary>
    public static async Task<IReadOnlyList<AuditedEvent>> JournalAsync(ActorSystem system, string persistenceId)
    {
        var envelopes = await PersistenceQuery.Get(system)
            .ReadJournalFor<ICurrentEventsByPersistenceIdQuery>(PersistenceHocon.ReadJournalPluginId(new Engine.Persistence.Journal.JournalOptions()))
            .CurrentEventsByPersistenceId(persistenceId, 0, long.MaxValue)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
        return [.. envelopes.Select(e => new AuditedEvent(e.SequenceNr, e.PersistenceId, e.SequenceNr, e.Event))];
    }

    /// <summary>Fill ids and signed quantities of every fill the journal counted (attributed and external).</summary>
    public static IReadOnlyList<(string FillId, decimal Signed)> Fills(AuditReport report) =>
        [.. report.Fills.Concat(report.ExternalFills).Select(f => (f.FillId.Value, f.Side == OrderSide.Buy ? f.Quantity : -f.Quantity))];

    /// <summary>The venue account that traded (the one with orders).</summary>
    public static AccountTruth Traded(VenueTruth truth) => Assert.Single(truth.Accounts, a => a.Orders.Count > 0);
}
