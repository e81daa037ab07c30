using Akka.Persistence.Journal;

namespace Engine.Persistence.Tests.Support;

/// <summary>Write event adapter: wraps an <see cref="Evt"/> with a tag in <see cref="Tagged"/>.</summary>
public sealed class TagWriteAdapter : IWriteEventAdapter
{
    /// <inheritdoc />
    public string Manifest(object evt) => string.Empty;

    /// <inheritdoc />
    public object ToJournal(object evt) => evt is Evt { Tag.Length: > 0 } e ? new Tagged(e, [e.Tag]) : evt;
}
