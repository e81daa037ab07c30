using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Persistence.Journal;

namespace Engine.Persistence.Plugin;

/// <summary>
/// Per actor system: the open <see cref="IJournal"/> of each <see cref="EngineJournal"/> plugin, by plugin id, so
/// the read journal queries the very instance the journal writes through (its commits wake live queries, and an
/// in-memory store is shared), and the closing of each stopped one, so a host can wait for the flush
/// (<see cref="WhenClosedAsync"/>). The entry is created by whichever side asks first. Thread-safe.
/// </summary>
public sealed class EngineJournalRegistry : IExtension
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IJournal>> journals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> closing = new(StringComparer.Ordinal);

    /// <summary>The registry of <paramref name="system"/>.</summary>
    public static EngineJournalRegistry For(ActorSystem system) => system.WithExtension<EngineJournalRegistry, EngineJournalRegistryProvider>();

    /// <summary>Completes once the journal of <paramref name="pluginId"/> is open (or faults if opening failed).</summary>
    public Task<IJournal> JournalAsync(string pluginId) => Entry(pluginId).Task;

    /// <summary>Publishes the outcome of opening the journal of <paramref name="pluginId"/>; a restarted plugin replaces it.</summary>
    internal void Publish(string pluginId, Task<IJournal> opening)
    {
        var entry = Entry(pluginId);
        if (entry.Task.IsCompleted)
        {
            entry = new TaskCompletionSource<IJournal>(TaskCreationOptions.RunContinuationsAsynchronously);
            journals[pluginId] = entry;
        }

        opening.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    entry.TrySetResult(t.Result);
                }
                else
                {
                    entry.TrySetException(t.Exception?.InnerExceptions ?? [new TaskCanceledException()]);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>
    /// Completes once every journal of this system that stopped has written what was queued to it and closed (an actor's
    /// stop cannot wait for that itself); at once when none stopped. Never faults for a journal that never opened.
    /// </summary>
    public Task WhenClosedAsync() => Task.WhenAll(closing.Values);

    /// <summary>Records that the journal of <paramref name="pluginId"/> stopped and is closing in <paramref name="closed"/>.</summary>
    internal void Closing(string pluginId, Task closed) => closing[pluginId] = closed;

    private TaskCompletionSource<IJournal> Entry(string pluginId) =>
        journals.GetOrAdd(pluginId, _ => new TaskCompletionSource<IJournal>(TaskCreationOptions.RunContinuationsAsynchronously));
}
