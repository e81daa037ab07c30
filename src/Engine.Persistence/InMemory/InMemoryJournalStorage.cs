using System.Runtime.CompilerServices;
using Engine.Persistence.Journal;
using Engine.Persistence.Query;

namespace Engine.Persistence.InMemory;

/// <summary>
/// Journal storage in process memory, for tests. A batch is validated completely before anything is
/// applied, under one lock, so it is atomic; reads copy a consistent view under the same lock.
/// Disposing keeps the data, so a test can "reopen" by wrapping the same instance in a new journal.
/// </summary>
public sealed class InMemoryJournalStorage : IJournalStorage
{
    private readonly Lock gate = new();
    private readonly List<Row> rows = [];
    private readonly Dictionary<(string PersistenceId, long SequenceNr), int> index = [];
    private readonly Dictionary<string, long> highest = new(StringComparer.Ordinal);
    private long ordering;

    /// <inheritdoc />
    public Task WriteBatchAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        lock (gate)
        {
            var seen = new HashSet<(string, long)>();
            foreach (var e in writes.SelectMany(w => w.Events))
            {
                var key = (e.PersistenceId, e.SequenceNr);
                if (index.ContainsKey(key) || !seen.Add(key))
                {
                    throw new JournalWriteException(e.PersistenceId, e.SequenceNr, null);
                }
            }

            foreach (var e in writes.SelectMany(w => w.Events))
            {
                ordering++;
                index[(e.PersistenceId, e.SequenceNr)] = rows.Count;
                rows.Add(new Row(new EventEnvelope(ordering, e)));
                highest[e.PersistenceId] = Math.Max(highest.GetValueOrDefault(e.PersistenceId), e.SequenceNr);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(highest.GetValueOrDefault(persistenceId));
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken) =>
        Select(e => string.Equals(e.PersistenceId, persistenceId, StringComparison.Ordinal) && e.SequenceNr >= fromSequenceNr && e.SequenceNr <= toSequenceNr, max, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadAllAsync(long afterOrdering, long max, CancellationToken cancellationToken) =>
        Select(e => e.Ordering > afterOrdering, max, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> ReadByTagAsync(string tag, long afterOrdering, long max, CancellationToken cancellationToken) =>
        Select(e => e.Ordering > afterOrdering && e.Event.Tags.Contains(tag, StringComparer.Ordinal), max, cancellationToken);

    /// <inheritdoc />
    public Task DeleteToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            foreach (var row in rows)
            {
                if (string.Equals(row.Envelope.PersistenceId, persistenceId, StringComparison.Ordinal) && row.Envelope.SequenceNr <= toSequenceNr)
                {
                    row.Deleted = true;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps the data; see the type's remarks.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async IAsyncEnumerable<EventEnvelope> Select(Func<EventEnvelope, bool> predicate, long max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<EventEnvelope> result;
        lock (gate)
        {
            result = [.. rows.Where(r => !r.Deleted).Select(r => r.Envelope).Where(predicate)];
        }

        var taken = 0L;
        foreach (var e in result)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (taken++ >= max)
            {
                yield break;
            }

            yield return e;
        }

        await Task.CompletedTask;
    }

    private sealed class Row(EventEnvelope envelope)
    {
        public EventEnvelope Envelope { get; } = envelope;

        public bool Deleted { get; set; }
    }
}
