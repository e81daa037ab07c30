namespace Engine.Persistence.Serialization;

/// <summary>
/// A stored manifest cannot be turned into an event: unknown name, a version newer than the
/// registered one, a missing upcaster, or a payload that does not fit. Names the manifest and the
/// persistence id so the operator knows which stream cannot recover and why.
/// </summary>
public sealed class UnknownManifestException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public UnknownManifestException()
        : this("Unknown event manifest.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public UnknownManifestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public UnknownManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="manifest"/> met while reading <paramref name="persistenceId"/>.</summary>
    public UnknownManifestException(string manifest, string persistenceId, string reason, Exception? innerException = null)
        : base($"Cannot read manifest '{manifest}' of persistence id '{persistenceId}': {reason}", innerException)
    {
        Manifest = manifest;
        PersistenceId = persistenceId;
    }

    /// <summary>The stored manifest text.</summary>
    public string? Manifest { get; }

    /// <summary>The stream being read.</summary>
    public string? PersistenceId { get; }
}
