using Engine.Persistence;
using Engine.Persistence.Journal;
using Engine.Persistence.Serialization;
using Engine.Persistence.Snapshots;

namespace Engine.Kernel.Persistence;

/// <summary>
/// Everything a persistent actor needs to reach storage: one journal, one snapshot store and one
/// manifest registry, shared by all persistent actors of one actor system. There is no global
/// lookup: the host (or a test) creates one instance next to its <c>ActorSystem</c> and passes it
/// to each persistent actor's constructor through its Props factory, e.g.
/// <c>Props.Create(() =&gt; new OrderBookActor(persistence, login))</c>. The owner disposes it after
/// the actor system has terminated, which flushes queued journal writes. Thread-safe.
/// </summary>
public sealed class PersistenceExtension : IAsyncDisposable
{
    /// <summary>Wraps opened storage; the extension owns and disposes both stores.</summary>
    public PersistenceExtension(IJournal journal, ISnapshotStore snapshotStore, EventManifestRegistry registry, string? writerId = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshotStore);
        ArgumentNullException.ThrowIfNull(registry);
        Journal = journal;
        SnapshotStore = snapshotStore;
        Registry = registry;
        WriterId = string.IsNullOrEmpty(writerId) ? Guid.NewGuid().ToString("N") : writerId;
    }

    /// <summary>The event journal (group commit).</summary>
    public IJournal Journal { get; }

    /// <summary>The snapshot store.</summary>
    public ISnapshotStore SnapshotStore { get; }

    /// <summary>Type ↔ manifest mapping for events and snapshots.</summary>
    public EventManifestRegistry Registry { get; }

    /// <summary>Stored in each event's <c>writer</c> column: identifies this process incarnation.</summary>
    public string WriterId { get; }

    /// <summary>Opens the configured journal and snapshot store.</summary>
    public static async Task<PersistenceExtension> OpenAsync(
        JournalOptions journal,
        SnapshotStoreOptions snapshots,
        EventManifestRegistry registry,
        TimeProvider timeProvider,
        CancellationToken cancellationToken = default)
    {
        var opened = await PersistencePlugins.OpenJournalAsync(journal, timeProvider, cancellationToken);
        try
        {
            var store = await PersistencePlugins.OpenSnapshotStoreAsync(snapshots, cancellationToken);
            return new PersistenceExtension(opened, store, registry);
        }
        catch
        {
            await opened.DisposeAsync();
            throw;
        }
    }

    /// <summary>Flushes and closes the journal, then the snapshot store.</summary>
    public async ValueTask DisposeAsync()
    {
        await Journal.DisposeAsync();
        await SnapshotStore.DisposeAsync();
    }
}
