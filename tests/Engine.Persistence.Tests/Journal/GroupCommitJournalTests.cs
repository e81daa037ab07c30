using Engine.Persistence.Journal;
using Engine.Persistence.Tests.Support;

namespace Engine.Persistence.Tests.Journal;

/// <summary>
/// The group-commit journal answers "highest sequence number" only after the writes queued before the question: a
/// persistent actor recovering while its previous incarnation's last write is still on its way (a restart inside the
/// process) sees that write and does not reuse its sequence number.
/// </summary>
public sealed class GroupCommitJournalTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_highest_sequence_number_waits_for_the_writes_queued_before_it()
    {
        var storage = new GatedJournalStorage();
        await using var journal = new GroupCommitJournal(storage, new JournalOptions(), TimeProvider.System);

        var write = journal.WriteAsync([new AtomicWrite([JournalRows.Event("p-1", 1), JournalRows.Event("p-1", 2)])]);
        await storage.WriteStarted.WaitAsync(Wait);
        var highest = journal.ReadHighestSequenceNrAsync("p-1", 0);

        Assert.False(highest.IsCompleted, "answered before the queued write committed");
        storage.Open();
        await write.WaitAsync(Wait);
        Assert.Equal(2, await highest.WaitAsync(Wait));
    }

    [Fact]
    public async Task With_nothing_queued_the_highest_sequence_number_is_read_at_once()
    {
        var storage = new GatedJournalStorage();
        storage.Open();
        await using var journal = new GroupCommitJournal(storage, new JournalOptions(), TimeProvider.System);
        await journal.WriteAsync([new AtomicWrite(JournalRows.Event("p-1", 1))]).WaitAsync(Wait);

        Assert.Equal(1, await journal.ReadHighestSequenceNrAsync("p-1", 0).WaitAsync(Wait));
        Assert.Equal(0, await journal.ReadHighestSequenceNrAsync("p-2", 0).WaitAsync(Wait));
    }
}
