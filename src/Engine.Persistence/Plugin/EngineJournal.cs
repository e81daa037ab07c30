using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using Akka.Persistence;
using Akka.Persistence.Journal;
using EngineAtomicWrite = Engine.Persistence.Journal.AtomicWrite;
using EngineRepr = Engine.Persistence.Journal.PersistentRepr;
using IJournal = Engine.Persistence.Journal.IJournal;

namespace Engine.Persistence.Plugin;

/// <summary>
/// The engine's journal as an Akka.Persistence plugin (<c>akka.persistence.journal.engine</c>): an
/// <see cref="AsyncWriteJournal"/> over <see cref="Journal.GroupCommitJournal"/> and its SQLite, PostgreSQL or
/// in-memory storage. Akka runs the <c>WriteMessagesAsync</c> calls of many persistent actors concurrently; each call
/// is queued whole into the group-commit writer, so the writes of every caller queued meanwhile commit in one
/// transaction (one fsync) and each call's AtomicWrites are all-or-nothing (a failed transaction fails every caller
/// in it, which Akka reports as a persist failure). Payloads go through Akka serialization (serializer id and manifest
/// stored beside the bytes); <see cref="Tagged"/> payloads from write event adapters are unwrapped into the tag column.
/// A payload that cannot be serialized rejects only its own AtomicWrite. Sequence numbers never restart: the highest is
/// read over deleted rows too. Timestamps come from the actor system's scheduler clock. After each committed call it
/// publishes <see cref="JournalWriteCommitted"/> (its latency, on the monotonic clock) on the system's event stream.
/// </summary>
public sealed class EngineJournal : AsyncWriteJournal
{
    private readonly Journal.JournalOptions options;
    private readonly string pluginId;
    private Task<IJournal> opening = null!;
    private ActorSystem system = null!;

    // The tag set of the last tagged event with its list: a write adapter tags every event with the same set, so the
    // set is copied once, not per event. One reference, swapped whole, so a reader never pairs a set with another's list.
    private Tuple<IImmutableSet<string>, IReadOnlyList<string>>? lastTags;

    /// <summary>Created by Akka.Persistence with the plugin's config section.</summary>
    public EngineJournal(AkkaConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        options = EnginePluginConfig.Journal(config);
        pluginId = config.GetString("plugin-id", EnginePluginConfig.JournalId);
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        system = Context.System;
        opening = PersistencePlugins.OpenJournalAsync(options, new SchedulerTime(system.Scheduler));
        EngineJournalRegistry.For(system).Publish(pluginId, opening);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        EngineJournalRegistry.For(system).Closing(pluginId, CloseAsync(opening));
        base.PostStop();
    }

    /// <summary>Writes what is queued and closes the journal; nothing to do for one that never opened.</summary>
    private static async Task CloseAsync(Task<IJournal> opening)
    {
        await Task.WhenAny(opening).ConfigureAwait(false);
        if (opening.IsCompletedSuccessfully)
        {
            await opening.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        var journal = await opening;
        await foreach (var e in journal.ReplayAsync(persistenceId, fromSequenceNr, toSequenceNr, max))
        {
            recoveryCallback(ToAkka(system, e));
        }
    }

    /// <inheritdoc />
    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        var journal = await opening;
        return await journal.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<IImmutableList<Exception?>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var now = system.Scheduler.Now;
        var writes = new List<EngineAtomicWrite>();
        var results = new List<Exception?>();
        var rejected = false;
        foreach (var message in messages)
        {
            try
            {
                var payload = (IImmutableList<IPersistentRepresentation>)message.Payload;
                var events = new EngineRepr[payload.Count];
                for (var i = 0; i < events.Length; i++)
                {
                    events[i] = ToEngine(payload[i], now);
                }

                writes.Add(new EngineAtomicWrite(events));
                results.Add(null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                results.Add(ex);
                rejected = true;
            }
        }

        var journal = await opening;
        var started = Stopwatch.GetTimestamp();
        await journal.WriteAsync(writes, cancellationToken);
        if (writes.Count > 0)
        {
            system.EventStream.Publish(new JournalWriteCommitted(pluginId, writes.Sum(w => w.Events.Count), Stopwatch.GetElapsedTime(started)));
        }

        return rejected ? results.ToImmutableList() : null!;
    }

    /// <inheritdoc />
    protected override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        var journal = await opening;
        await journal.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);
    }

    /// <summary>The tags of <paramref name="set"/> as a list, shared while events keep coming with the same set.</summary>
    private IReadOnlyList<string> TagsOf(IImmutableSet<string> set)
    {
        var last = lastTags;
        if (last is not null && ReferenceEquals(last.Item1, set))
        {
            return last.Item2;
        }

        IReadOnlyList<string> tags = [.. set];
        lastTags = Tuple.Create(set, tags);
        return tags;
    }

    /// <summary>An engine row as Akka's representation, the payload deserialized.</summary>
    internal static Persistent ToAkka(ActorSystem system, EngineRepr e) => new(
        Payload(system, e),
        e.SequenceNr,
        e.PersistenceId,
        e.EventManifest,
        false,
        ActorRefs.NoSender,
        e.Writer,
        e.Timestamp.UtcTicks);

    /// <summary>The payload of a row written by the plugin (binary, Akka serializer) or by the engine's JSON registry (text).</summary>
    internal static object Payload(ActorSystem system, EngineRepr e) =>
        e.SerializerId is { } id
            ? AkkaPayload.Deserialize(system, id, e.Manifest, e.Binary)
            : throw new InvalidOperationException(
                $"Event {e.PersistenceId}#{e.SequenceNr} ('{e.Manifest}') was written as engine JSON text, not through Akka serialization; it cannot be replayed by the Akka plugin.");

    private EngineRepr ToEngine(IPersistentRepresentation p, DateTimeOffset now)
    {
        var payload = p.Payload;
        IReadOnlyList<string> tags = [];
        if (payload is Tagged tagged)
        {
            payload = tagged.Payload;
            tags = TagsOf(tagged.Tags);
        }

        var (serializerId, manifest, bytes) = AkkaPayload.Serialize(system, payload);
        var timestamp = p.Timestamp > 0 ? new DateTimeOffset(p.Timestamp, TimeSpan.Zero) : now;
        return new EngineRepr(p.PersistenceId, p.SequenceNr, manifest, string.Empty, tags, timestamp, p.WriterGuid ?? string.Empty)
        {
            SerializerId = serializerId,
            Binary = bytes,
            EventManifest = p.Manifest ?? string.Empty,
        };
    }
}
