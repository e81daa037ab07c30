using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Engine.Actors.Orders;
using Engine.Messages;

namespace Engine.Actors.Monitoring;

/// <summary>
/// Reads every order-book event already in the journal through Akka.Persistence.Query: <c>CurrentEventsByTag</c> with
/// tag <see cref="OrderJournal.Tag"/>, from the start, in the read journal's offset order, deserialized by the
/// system's <see cref="OrderJournalSerializer"/> (the registry the engine writes with). What the query plugin did not
/// run through the journal's read adapter (an event in an older version, a <c>Tagged</c> wrapper) is upcast or
/// unwrapped here (<see cref="OrderJournalExtension.ToCurrent"/>). This is how the status board
/// catches up after a restart: recovered order books publish nothing for what they recovered. Stateless; the sources
/// it returns can be materialized any number of times.
/// </summary>
public static class OrderJournalCatchUp
{
    /// <summary>
    /// The journaled engine events, oldest first, completing at the journal's end as of the query; stored values that
    /// are not engine events are skipped. The source fails when an event cannot be read.
    /// </summary>
    /// <param name="system">The system whose query plugin, serializer and registry are used.</param>
    /// <param name="readJournalPluginId">Config path of the read journal plugin, e.g. <c>akka.persistence.query.journal.sql</c>.</param>
    /// <exception cref="InvalidOperationException">The read journal does not support <see cref="ICurrentEventsByTagQuery"/>.</exception>
    public static Source<IEngineEvent, NotUsed> Current(ActorSystem system, string readJournalPluginId)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentException.ThrowIfNullOrEmpty(readJournalPluginId);
        var journal = PersistenceQuery.Get(system).ReadJournalFor<IReadJournal>(readJournalPluginId);
        if (journal is not ICurrentEventsByTagQuery byTag)
        {
            throw new InvalidOperationException(
                $"The read journal '{readJournalPluginId}' ({journal.GetType().Name}) does not support {nameof(ICurrentEventsByTagQuery)}; the order journal cannot be read by tag.");
        }

        var orderJournal = OrderJournalExtension.Get(system);
        return byTag.CurrentEventsByTag(OrderJournal.Tag, Offset.NoOffset())
            .Select(envelope => orderJournal.ToCurrent(envelope.Event))
            .Where(stored => stored is IEngineEvent)
            .Select(stored => (IEngineEvent)stored);
    }

    /// <summary>
    /// <see cref="Current"/> collected into a list on a materializer of its own, shut down on return (cancelling
    /// stops the read); for tools that want the whole history at once.
    /// </summary>
    public static async Task<IReadOnlyList<IEngineEvent>> ReadAsync(ActorSystem system, string readJournalPluginId, CancellationToken cancellationToken)
    {
        var source = Current(system, readJournalPluginId);
        using var materializer = system.Materializer();
        var events = await source
            .RunWith(Sink.Seq<IEngineEvent>(), materializer)
            .WaitAsync(cancellationToken)
            .ConfigureAwait(false);
        return [.. events];
    }
}
