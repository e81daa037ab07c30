namespace Engine.Persistence.Plugin;

/// <summary>
/// Published on the actor system's event stream by <see cref="EngineJournal"/> after each write call committed: how
/// long the caller waited, from the call to the commit (queueing, group-commit lingering and the transaction with its
/// fsync). The engine's metrics record it as the journal commit latency. Immutable.
/// </summary>
/// <param name="PluginId">The journal plugin's config path.</param>
/// <param name="Events">Events the call wrote.</param>
/// <param name="Elapsed">From the call to the commit, on the monotonic clock.</param>
public sealed record JournalWriteCommitted(string PluginId, int Events, TimeSpan Elapsed);
