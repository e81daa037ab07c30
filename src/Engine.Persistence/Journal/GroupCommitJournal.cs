using System.Threading.Channels;

namespace Engine.Persistence.Journal;

/// <summary>
/// The <see cref="IJournal"/> every plug-in is used through: group commit and live queries over an
/// <see cref="IJournalStorage"/>.
/// Group commit: callers enqueue into one unbounded channel; a single writer loop drains it into
/// batches of at most <see cref="JournalOptions.MaxBatch"/> events (one oversized call commits alone),
/// lingering up to <see cref="JournalOptions.MaxWait"/> on the injected TimeProvider when that is
/// non-zero, and commits each batch in one storage transaction. Channel order is kept inside a batch
/// and batches commit one after another, so one persistence id's writes are never reordered. If the
/// transaction fails, every caller in the batch faults with the same <see cref="JournalWriteException"/>;
/// nothing of the batch is committed. With one writer per journal instance, orderings become visible
/// in increasing order, which is what lets live queries tail without skipping rows.
/// Thread-safe. Owns the storage: disposing flushes queued writes, then disposes the storage.
/// </summary>
public sealed partial class GroupCommitJournal : IJournal
{
    private readonly IJournalStorage storage;
    private readonly JournalOptions options;
    private readonly TimeProvider time;
    private readonly Channel<PendingWrite> queue;
    private readonly CommitSignal committed = new();
    private readonly CancellationTokenSource disposing = new();
    private readonly Task writer;
    private int disposed;

    /// <summary>Starts the writer loop over <paramref name="storage"/>.</summary>
    public GroupCommitJournal(IJournalStorage storage, JournalOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.storage = storage;
        this.options = options;
        time = timeProvider;
        queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
        writer = Task.Run(RunWriterAsync);
    }

    /// <inheritdoc />
    public Task WriteAsync(IReadOnlyList<AtomicWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (writes.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pending = new PendingWrite([.. writes]);
        return queue.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : Task.FromException(new ObjectDisposedException(nameof(GroupCommitJournal), "The journal is closed; the write was not queued."));
    }

    /// <summary>
    /// The highest sequence number stored for <paramref name="persistenceId"/>, read once every write queued before this
    /// call has committed (or failed). A persistent actor that recovers while its previous incarnation's last write is
    /// still queued (a restart inside the process) therefore sees that write and never reuses its sequence number.
    /// </summary>
    public async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        await QueuedWritesDoneAsync(cancellationToken).ConfigureAwait(false);
        return await storage.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PersistentRepr> ReplayAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        if (max <= 0 || toSequenceNr < fromSequenceNr)
        {
            yield break;
        }

        await foreach (var envelope in storage.ReadByPersistenceIdAsync(persistenceId, fromSequenceNr, toSequenceNr, max, cancellationToken))
        {
            yield return envelope.Event;
        }
    }

    /// <inheritdoc />
    public async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        await storage.DeleteToAsync(persistenceId, toSequenceNr, cancellationToken);
        committed.Notify();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        await writer;
        await disposing.CancelAsync();
        disposing.Dispose();
        await storage.DisposeAsync();
    }

    /// <summary>
    /// Completes once every write queued before this call has committed or failed: an empty write queued behind them,
    /// which the writer completes after the batches before it (at once when the journal is closed).
    /// </summary>
    private Task QueuedWritesDoneAsync(CancellationToken cancellationToken)
    {
        var barrier = new PendingWrite([]);
        return queue.Writer.TryWrite(barrier) ? barrier.Completion.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    private async Task RunWriterAsync()
    {
        var reader = queue.Reader;
        var batch = new List<PendingWrite>();
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            var events = Drain(reader, batch, 0);
            if (options.MaxWait > TimeSpan.Zero)
            {
                await LingerAsync(reader, batch, events);
            }

            await CommitAsync(batch);
        }
    }

    private int Drain(ChannelReader<PendingWrite> reader, List<PendingWrite> batch, int events)
    {
        while (reader.TryPeek(out var next))
        {
            if (events > 0 && events + next.EventCount > options.MaxBatch)
            {
                break;
            }

            reader.TryRead(out _);
            batch.Add(next);
            events += next.EventCount;
        }

        return events;
    }

    private async Task LingerAsync(ChannelReader<PendingWrite> reader, List<PendingWrite> batch, int events)
    {
        var deadline = time.GetTimestamp() + (long)(options.MaxWait.TotalSeconds * time.TimestampFrequency);
        while (events < options.MaxBatch)
        {
            var remaining = time.GetElapsedTime(time.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var timer = new CancellationTokenSource();
            var more = reader.WaitToReadAsync(timer.Token).AsTask();
            var delay = Task.Delay(remaining, time, timer.Token);
            var first = await Task.WhenAny(more, delay);
            await timer.CancelAsync();
            if (first != more || !more.IsCompletedSuccessfully || !more.Result)
            {
                return;
            }

            var before = events;
            events = Drain(reader, batch, events);
            if (events == before)
            {
                return;
            }
        }
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        var writes = new List<AtomicWrite>(batch.Count);
        foreach (var pending in batch)
        {
            writes.AddRange(pending.Writes);
        }

        if (writes.Count == 0)
        {
            // Only barriers (see QueuedWritesDoneAsync): everything before them has committed; no transaction needed.
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult();
            }

            return;
        }

        try
        {
            await storage.WriteBatchAsync(writes, CancellationToken.None);
        }
        catch (Exception ex)
        {
            var failure = ex as JournalWriteException
                ?? new JournalWriteException($"The journal transaction failed and was rolled back; none of its {writes.Count} writes were committed.", ex);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }

            return;
        }

        foreach (var pending in batch)
        {
            pending.Completion.TrySetResult();
        }

        committed.Notify();
    }
}
