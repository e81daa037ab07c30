namespace Engine.Persistence.Journal;

/// <summary>
/// A broadcast "something was committed" edge for live queries. A reader takes <see cref="Next"/>
/// before it reads, so a commit that lands between its read and its wait still wakes it.
/// Lock-free and thread-safe.
/// </summary>
internal sealed class CommitSignal
{
    private TaskCompletionSource current = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref current).Task;

    /// <summary>Wakes every waiter of the current edge and arms a fresh one.</summary>
    public void Notify()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref current, fresh).TrySetResult();
    }
}
