using System.Collections.Immutable;
using Akka.Persistence.Journal;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// Write event adapter of the task journal: wraps every <see cref="ITaskEvent"/> in <see cref="Tagged"/> with tag
/// <see cref="TaskJournal.Tag"/> (the audit reads by it). Anything else passes unchanged. Stateless and thread-safe.
/// </summary>
public sealed class TaskJournalTagger : IWriteEventAdapter
{
    private static readonly ImmutableHashSet<string> Tags = [TaskJournal.Tag];

    /// <inheritdoc />
    public string Manifest(object evt) => string.Empty;

    /// <inheritdoc />
    public object ToJournal(object evt) => evt is ITaskEvent ? new Tagged(evt, Tags) : evt;
}
