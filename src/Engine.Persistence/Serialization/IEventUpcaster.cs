using System.Text.Json;

namespace Engine.Persistence.Serialization;

/// <summary>
/// Migrates the stored JSON of event <see cref="Name"/> from <see cref="FromVersion"/> to
/// <c>FromVersion + 1</c>. The registry chains upcasters until the registered (current) version
/// is reached, so each schema change needs exactly one upcaster. Must be pure and thread-safe.
/// </summary>
public interface IEventUpcaster
{
    /// <summary>Manifest name of the event.</summary>
    string Name { get; }

    /// <summary>Version this upcaster reads.</summary>
    int FromVersion { get; }

    /// <summary>The same event in the shape of version <c>FromVersion + 1</c>.</summary>
    JsonElement Upcast(JsonElement payload);
}
