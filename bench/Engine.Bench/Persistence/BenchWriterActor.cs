using Akka.Persistence;

namespace Engine.Bench.Persistence;

/// <summary>
/// Persists one event per <see cref="Append"/> (<c>Persist</c>: one in flight per actor, the journal batches across
/// actors), or a whole <see cref="Load"/> with <c>PersistAll</c>; counts events applied, by recovery or by handlers, and
/// completes <see cref="Done"/> when it reaches the target.
/// </summary>
public sealed class BenchWriterActor : ReceivePersistentActor
{
    private readonly long target;
    private long applied;

    /// <summary>An actor of <paramref name="persistenceId"/> completing <paramref name="done"/> at <paramref name="target"/> events (recovered plus persisted).</summary>
    public BenchWriterActor(string persistenceId, long target, TaskCompletionSource<long> done)
    {
        PersistenceId = persistenceId;
        this.target = target;
        Done = done;
        Recover<BenchEvent>(_ => Count());
        Command<Append>(a => Persist(new BenchEvent(a.N, "BTCUSDT", 101.5m), _ => Count()));
        Command<Load>(l => PersistAll(Enumerable.Range(0, l.Count).Select(i => new BenchEvent(l.From + i, "BTCUSDT", 101.5m)), _ => Count()));
    }

    /// <summary>Completed with the count of applied events once it reaches the target.</summary>
    public TaskCompletionSource<long> Done { get; }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <inheritdoc />
    protected override void OnReplaySuccess()
    {
        base.OnReplaySuccess();
        if (target == 0 || applied >= target)
        {
            Done.TrySetResult(applied);
        }
    }

    /// <summary>Fails the run at once if the actor stopped early (e.g. a journal failure) instead of waiting for a timeout.</summary>
    protected override void PostStop() => Done.TrySetException(new InvalidOperationException($"{PersistenceId} stopped after {applied} of {target} events; see the log."));

    private void Count()
    {
        if (++applied == target && !IsRecovering)
        {
            Done.TrySetResult(applied);
        }
    }

    /// <summary>Persist event <paramref name="N"/>.</summary>
    public sealed record Append(long N);

    /// <summary>Persist <paramref name="Count"/> events in one AtomicWrite, numbered from <paramref name="From"/>.</summary>
    public sealed record Load(long From, int Count);
}
