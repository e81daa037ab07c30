namespace Engine.Persistence.Journal;

/// <summary>One caller's <see cref="IJournal.WriteAsync"/> waiting in the group-commit queue.</summary>
internal sealed class PendingWrite(IReadOnlyList<AtomicWrite> writes)
{
    /// <summary>The caller's atomic writes, in call order.</summary>
    public IReadOnlyList<AtomicWrite> Writes { get; } = writes;

    /// <summary>Number of events over all writes.</summary>
    public int EventCount { get; } = writes.Sum(w => w.Events.Count);

    /// <summary>
    /// Completed once by the writer loop: success or the batch's failure. A write's continuation runs on the writer's
    /// thread (the plugin's completion, which only hands Akka's acknowledgements on, costs less than a hop to another
    /// thread on the path of every persisted command); a barrier's runs elsewhere, since a reader continues with a query.
    /// </summary>
    public TaskCompletionSource Completion { get; } = new(writes.Count == 0 ? TaskCreationOptions.RunContinuationsAsynchronously : TaskCreationOptions.None);
}
