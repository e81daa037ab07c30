using System.Runtime.CompilerServices;
using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams.Dsl;
using IJournal = Engine.Persistence.Journal.IJournal;
using EngineEnvelope = Engine.Persistence.Query.EventEnvelope;

namespace Engine.Persistence.Plugin;

/// <summary>
/// Akka.Persistence.Query over the engine journal (<c>akka.persistence.query.journal.engine</c>): the current and
/// live queries by persistence id and by tag, as Akka.Streams sources over the journal's paged async queries. The
/// offset is <see cref="Sequence"/> of the journal's global ordering, exclusive (pass the last one seen to resume);
/// <see cref="NoOffset"/> starts at the beginning. Live queries are woken by the write journal's commits in this
/// process and otherwise poll every <c>poll-interval</c>; deleted events are never returned. Payloads are deserialized
/// with Akka serialization and passed through the journal's read event adapters. Thread-safe.
/// </summary>
public sealed class EngineReadJournal :
    ICurrentEventsByPersistenceIdQuery,
    IEventsByPersistenceIdQuery,
    ICurrentEventsByTagQuery,
    IEventsByTagQuery
{
    /// <summary>The plugin id to pass to <c>PersistenceQuery.ReadJournalFor</c>.</summary>
    public const string Identifier = EnginePluginConfig.ReadJournalId;

    private readonly ExtendedActorSystem system;
    private readonly string writePluginId;

    /// <summary>Queries the journal of <paramref name="writePluginId"/>, starting it if needed.</summary>
    public EngineReadJournal(ExtendedActorSystem system, string writePluginId)
    {
        ArgumentNullException.ThrowIfNull(system);
        this.system = system;
        this.writePluginId = writePluginId;
    }

    /// <inheritdoc />
    public Source<EventEnvelope, NotUsed> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr) =>
        From((j, ct) => j.CurrentEventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, ct));

    /// <inheritdoc />
    public Source<EventEnvelope, NotUsed> EventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr) =>
        From((j, ct) => j.EventsByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, ct));

    /// <inheritdoc />
    public Source<EventEnvelope, NotUsed> CurrentEventsByTag(string tag, Offset offset) =>
        From((j, ct) => j.CurrentEventsByTag(tag, Ordering(offset), ct));

    /// <inheritdoc />
    public Source<EventEnvelope, NotUsed> EventsByTag(string tag, Offset offset) =>
        From((j, ct) => j.EventsByTag(tag, Ordering(offset), ct));

    private static long Ordering(Offset? offset) => offset switch
    {
        null or NoOffset => 0,
        Sequence s => s.Value,
        _ => throw new ArgumentException($"The engine read journal takes a Sequence offset or NoOffset, not {offset.GetType().Name}.", nameof(offset)),
    };

    private Source<EventEnvelope, NotUsed> From(Func<IJournal, CancellationToken, IAsyncEnumerable<EngineEnvelope>> query) =>
        Source.From(() => Adapt(query, CancellationToken.None));

    private async IAsyncEnumerable<EventEnvelope> Adapt(
        Func<IJournal, CancellationToken, IAsyncEnumerable<EngineEnvelope>> query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _ = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(writePluginId);
        var adapters = Akka.Persistence.Persistence.Instance.Apply(system).AdaptersFor(writePluginId);
        var journal = await EngineJournalRegistry.For(system).JournalAsync(writePluginId).WaitAsync(cancellationToken);
        await foreach (var e in query(journal, cancellationToken))
        {
            var payload = EngineJournal.Payload(system, e.Event);
            var adapted = adapters.Get(payload.GetType()).FromJournal(payload, e.Event.EventManifest);
            foreach (var evt in adapted.Events)
            {
                yield return new EventEnvelope(
                    Offset.Sequence(e.Ordering),
                    e.PersistenceId,
                    e.SequenceNr,
                    evt,
                    e.Event.Timestamp.UtcTicks,
                    [.. e.Event.Tags]);
            }
        }
    }
}
