using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>
/// The events of <see cref="SwitchableJournal"/>, one store per actor system (an Akka extension: the test and the
/// journal actor share it), serialized with the system's bound serializers (the engine's order journal serializer)
/// exactly as a database journal would store them, tags kept beside the payload. Writes fail while
/// <see cref="FailWrites"/> is set, are rejected while <see cref="RejectWrites"/> is set, and wait while held
/// (<see cref="Hold"/>, until <see cref="ReleaseOne"/> or <see cref="Release"/>); the switches are read when a held
/// write is let through. Thread-safe.
/// </summary>
public sealed class SwitchableStorage : IExtension
{
    private readonly Akka.Serialization.Serialization _serialization;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<StoredEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private volatile bool _failWrites;
    private volatile bool _rejectWrites;
    private bool _held;
    private int _permits;
    private TaskCompletionSource? _waiting;
    private TaskCompletionSource _entered = NewSignal();

    public SwitchableStorage(ExtendedActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _serialization = system.Serialization;
    }

    /// <summary>The storage of <paramref name="system"/>'s <see cref="SwitchableJournal"/>.</summary>
    public static SwitchableStorage For(ActorSystem system) => system.WithExtension<SwitchableStorage, SwitchableStorageId>();

    /// <summary>Completes when a write is waiting at the gate while the storage is held (reset by each write let through).</summary>
    public Task HeldWriteEntered
    {
        get
        {
            lock (_lock)
            {
                return _entered.Task;
            }
        }
    }

    /// <summary>While set, writes fail as a broken database would (the persistent actor's write failure).</summary>
    public bool FailWrites
    {
        get => _failWrites;
        set => _failWrites = value;
    }

    /// <summary>While set, writes are rejected as an unserializable event would be (the persistent actor's write rejection).</summary>
    public bool RejectWrites
    {
        get => _rejectWrites;
        set => _rejectWrites = value;
    }

    /// <summary>Makes later writes wait at the gate until <see cref="ReleaseOne"/> or <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            _held = true;
            _permits = 0;
            _entered = NewSignal();
        }
    }

    /// <summary>Lets the write waiting at the gate (or, if none waits yet, the next one to arrive) through; keeps holding later ones.</summary>
    public void ReleaseOne()
    {
        lock (_lock)
        {
            if (_waiting is { } waiting)
            {
                _waiting = null;
                _entered = NewSignal();
                waiting.TrySetResult();
            }
            else
            {
                _permits++;
            }
        }
    }

    /// <summary>Stops holding: the waiting write and every later one go through.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _held = false;
            _waiting?.TrySetResult();
            _waiting = null;
        }
    }

    /// <summary>Every event of <paramref name="persistenceId"/>, deserialized, in sequence order.</summary>
    public List<object> Events(string persistenceId) =>
        [.. Stored(persistenceId).Select(e => _serialization.Deserialize(e.Bytes, e.SerializerId, e.SerializerManifest))];

    /// <summary>The stored rows of <paramref name="persistenceId"/>, in sequence order.</summary>
    public List<StoredEvent> Stored(string persistenceId)
    {
        lock (_lock)
        {
            return _streams.TryGetValue(persistenceId, out var stream) ? [.. stream] : [];
        }
    }

    /// <summary>Waits at the gate when held; called by the journal once per write, in write order.</summary>
    internal Task PassGateAsync()
    {
        lock (_lock)
        {
            if (!_held)
            {
                return Task.CompletedTask;
            }

            if (_permits > 0)
            {
                _permits--;
                return Task.CompletedTask;
            }

            _waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _entered.TrySetResult();
            return _waiting.Task;
        }
    }

    /// <summary>
    /// Stores each write atomically (all its events or none), or rejects it when it cannot be serialized or
    /// <see cref="RejectWrites"/> is set; returns null when none was rejected, else one entry per write.
    /// </summary>
    internal IImmutableList<Exception?>? Append(IReadOnlyList<AtomicWrite> writes)
    {
        var results = new Exception?[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            results[i] = Append(writes[i]);
        }

        return results.All(r => r is null) ? null : [.. results];
    }

    internal long HighestSequenceNr(string persistenceId)
    {
        lock (_lock)
        {
            return _highest.GetValueOrDefault(persistenceId);
        }
    }

    internal List<IPersistentRepresentation> Read(string persistenceId, long fromSequenceNr, long toSequenceNr, long max) =>
        [.. Stored(persistenceId)
            .Where(e => e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr)
            .Take((int)Math.Min(max, int.MaxValue))
            .Select(e => (IPersistentRepresentation)new Persistent(
                _serialization.Deserialize(e.Bytes, e.SerializerId, e.SerializerManifest),
                e.SequenceNr,
                persistenceId,
                e.AdapterManifest,
                isDeleted: false,
                ActorRefs.NoSender,
                e.WriterGuid,
                e.Timestamp))];

    internal void DeleteTo(string persistenceId, long toSequenceNr)
    {
        lock (_lock)
        {
            if (_streams.TryGetValue(persistenceId, out var stream))
            {
                stream.RemoveAll(e => e.SequenceNr <= toSequenceNr);
            }
        }
    }

    private Exception? Append(AtomicWrite write)
    {
        if (_rejectWrites)
        {
            return new NotSupportedException("the journal rejects this write (test)");
        }

        var rows = new List<StoredEvent>();
        try
        {
            foreach (var repr in (IEnumerable<IPersistentRepresentation>)write.Payload)
            {
                var (payload, tags) = repr.Payload is Tagged tagged
                    ? (tagged.Payload, tagged.Tags.ToImmutableSortedSet(StringComparer.Ordinal))
                    : (repr.Payload, ImmutableSortedSet<string>.Empty);
                var serializer = _serialization.FindSerializerFor(payload);
                rows.Add(new StoredEvent(
                    repr.SequenceNr,
                    serializer.Identifier,
                    Akka.Serialization.Serialization.ManifestFor(serializer, payload),
                    serializer.ToBinary(payload),
                    repr.Manifest,
                    tags,
                    repr.WriterGuid,
                    repr.Timestamp));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }

        lock (_lock)
        {
            if (!_streams.TryGetValue(write.PersistenceId, out var stream))
            {
                _streams[write.PersistenceId] = stream = [];
            }

            stream.AddRange(rows);
            _highest[write.PersistenceId] = Math.Max(_highest.GetValueOrDefault(write.PersistenceId), write.HighestSequenceNr);
        }

        return null;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
