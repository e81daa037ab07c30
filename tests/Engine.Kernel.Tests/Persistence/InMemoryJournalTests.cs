using Engine.Persistence.InMemory;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Kernel.Tests.Persistence;

/// <summary>The contract against the in-memory plug-in; "reopening" wraps the same storage again.</summary>
#pragma warning disable CA1001 // disposed by xunit through IAsyncLifetime.DisposeAsync
public sealed class InMemoryJournalTests : JournalContractTests
#pragma warning restore CA1001
{
    private readonly InMemoryJournalStorage storage = new();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await storage.DisposeAsync();
    }

    protected override Task<IJournalStorage> OpenStorageAsync() => Task.FromResult<IJournalStorage>(storage);

    protected override Task<ISnapshotStore> OpenSnapshotStoreAsync(int keepLatest) => Task.FromResult<ISnapshotStore>(new InMemorySnapshotStore(keepLatest));
}
