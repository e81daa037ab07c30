namespace Engine.Persistence.Journal;

/// <summary>One caller's <see cref="IJournal.WriteAsync"/> waiting in the group-commit queue.</summary>
internal sealed class PendingWrite(IReadOnlyList<AtomicWrite> writes)
{
    /// <summary>The caller's atomic writes, in call order.</summary>
    public IReadOnlyList<AtomicWrite> Writes { get; } = writes;

    /// <summary>Number of events over all writes.</summary>
    public int EventCount { get; } = writes.Sum(w => w.Events.Count);

    /// <summary>Completed once by the writer loop: success or the batch's failure.</summary>
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
