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
        var applied = 0;
        Command<Append>(a => Persist(new BenchEvent(a.N, "BTCUSDT", 101.5m), _ =>
        {
            if (++applied == total)
            {
                done.TrySetResult();
            }
        }));
    }

    public override string PersistenceId { get; }

    public sealed record Append(long N);
}
