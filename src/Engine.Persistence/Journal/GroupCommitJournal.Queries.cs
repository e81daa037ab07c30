using System.Runtime.CompilerServices;
using Engine.Persistence.Query;

namespace Engine.Persistence.Journal;

/// <summary>Current and live queries: paged reads (each page read completely before it is yielded), woken by this journal's commits or by polling.</summary>
public sealed partial class GroupCommitJournal
{
    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
        ByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByPersistenceId(string persistenceId, long fromSequenceNr, long toSequenceNr, CancellationToken cancellationToken = default) =>
        ByPersistenceId(persistenceId, fromSequenceNr, toSequenceNr, live: true, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> CurrentAllEvents(long fromOrdering, CancellationToken cancellationToken = default) =>
        ByOrdering((after, page, ct) => storage.ReadAllAsync(after, page, ct), fromOrdering, live: false, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> AllEvents(long fromOrdering, CancellationToken cancellationToken = default) =>
        ByOrdering((after, page, ct) => storage.ReadAllAsync(after, page, ct), fromOrdering, live: true, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> CurrentEventsByTag(string tag, long fromOrdering, CancellationToken cancellationToken = default)
    {
        TagCodec.Needle(tag);
        return ByOrdering((after, page, ct) => storage.ReadByTagAsync(tag, after, page, ct), fromOrdering, live: false, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<EventEnvelope> EventsByTag(string tag, long fromOrdering, CancellationToken cancellationToken = default)
    {
        TagCodec.Needle(tag);
        return ByOrdering((after, page, ct) => storage.ReadByTagAsync(tag, after, page, ct), fromOrdering, live: true, cancellationToken);
    }

    private async IAsyncEnumerable<EventEnvelope> ByPersistenceId(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        bool live,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceId);
        var next = Math.Max(1, fromSequenceNr);
        while (next <= toSequenceNr)
        {
            var wake = committed.Next;
            var count = 0;
            foreach (var e in await ReadPageAsync(storage.ReadByPersistenceIdAsync(persistenceId, next, toSequenceNr, options.QueryPageSize, cancellationToken)))
            {
                count++;
                next = e.SequenceNr + 1;
                yield return e;
            }

            if (count == options.QueryPageSize)
            {
                continue;
            }

            if (!live || !await WaitForCommitAsync(wake, cancellationToken))
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<EventEnvelope> ByOrdering(
        Func<long, long, CancellationToken, IAsyncEnumerable<EventEnvelope>> readPage,
        long fromOrdering,
        bool live,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var after = fromOrdering;
        while (true)
        {
            var wake = committed.Next;
            var count = 0;
            foreach (var e in await ReadPageAsync(readPage(after, options.QueryPageSize, cancellationToken)))
            {
                count++;
                after = e.Ordering;
                yield return e;
            }

            if (count == options.QueryPageSize)
            {
                continue;
            }

            if (!live || !await WaitForCommitAsync(wake, cancellationToken))
            {
                yield break;
            }
        }
    }

    /// <summary>Reads a whole page before yielding any of it, so no connection is held while the consumer runs.</summary>
    private static async Task<List<EventEnvelope>> ReadPageAsync(IAsyncEnumerable<EventEnvelope> page)
    {
        var list = new List<EventEnvelope>();
        await foreach (var e in page)
        {
            list.Add(e);
        }

        return list;
    }

    /// <summary>Waits for a commit edge or the poll interval; false when the journal is being disposed.</summary>
    private async Task<bool> WaitForCommitAsync(Task wake, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            return false;
        }

        CancellationTokenSource timer;
        try
        {
            timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, disposing.Token);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }

        using (timer)
        {
            var poll = Task.Delay(options.PollInterval, time, timer.Token);
            await Task.WhenAny(wake, poll);
            await timer.CancelAsync();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Volatile.Read(ref disposed) == 0;
    }
}
