using Engine.Kernel.Persistence;
using Engine.Kernel.Persistence.Actors;

namespace Engine.Bench.Persistence;

/// <summary>Recovers its stream and completes <paramref name="done"/> with the number of events applied.</summary>
internal sealed class ReplayActor : PersistentActor
{
    public ReplayActor(PersistenceExtension persistence, string persistenceId, TaskCompletionSource<long> done)
        : base(persistence)
    {
        PersistenceId = persistenceId;
        this.done = done;
        long applied = 0;
        decimal sum = 0;
        Recover<BenchEvent>(e =>
        {
            applied++;
            sum += e.Price;
        });
        Recover<RecoveryCompleted>(_ => done.TrySetResult(sum > 0 ? applied : 0));
    }

    private readonly TaskCompletionSource<long> done;

    public override string PersistenceId { get; }

    /// <summary>Fails the run at once if recovery stopped the actor instead of waiting for a timeout.</summary>
    protected override void PostStop() => done.TrySetException(new InvalidOperationException($"{PersistenceId} stopped before recovery completed; see the log."));
}
