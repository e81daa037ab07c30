using Engine.Kernel.Persistence;
using Engine.Kernel.Persistence.Actors;

namespace Engine.Bench.Persistence;

/// <summary>Persists one event per <see cref="Append"/> command; completes <paramref name="done"/> after the <paramref name="total"/>-th handler.</summary>
internal sealed class AppendActor : PersistentActor
{
    public AppendActor(PersistenceExtension persistence, string persistenceId, int total, TaskCompletionSource done)
        : base(persistence)
    {
        PersistenceId = persistenceId;
        this.done = done;
        var applied = 0;
        Command<Append>(a => Persist(new BenchEvent(a.N, "BTCUSDT", 101.5m), _ =>
        {
            if (++applied == total)
            {
                done.TrySetResult();
            }
        }));
    }

    private readonly TaskCompletionSource done;

    public override string PersistenceId { get; }

    /// <summary>Fails the run at once if the actor stopped early (e.g. a journal failure) instead of waiting for a timeout.</summary>
    protected override void PostStop() => done.TrySetException(new InvalidOperationException($"{PersistenceId} stopped before persisting all events; see the log."));

    public sealed record Append(long N);
}
