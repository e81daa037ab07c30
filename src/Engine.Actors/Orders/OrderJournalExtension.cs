using System.Collections.Frozen;
using Akka.Actor;
using Akka.Persistence.Journal;
using Engine.Messages;
using Engine.Persistence.Serialization;

namespace Engine.Actors.Orders;

/// <summary>
/// The order journal's manifest registry of one actor system (from its <see cref="OrderJournalSetup"/>, else
/// <see cref="OrderJournal.CreateRegistry"/>), shared by <see cref="OrderJournalSerializer"/>,
/// <see cref="OrderJournalUpcaster"/> and the journal readers, so they agree on every manifest. Thread-safe.
/// </summary>
public sealed class OrderJournalExtension : IExtension
{
    /// <summary>Stands in for the persistence id in errors: the serializer and adapters are not told which stream they read.</summary>
    private const string UnknownStream = "(not known to the serializer)";

    private readonly FrozenDictionary<string, int> _currentEventVersions;

    internal OrderJournalExtension(EventManifestRegistry registry)
    {
        Registry = registry;
        _currentEventVersions = CurrentVersions(registry);
    }

    /// <summary>The registry: manifests, JSON and upcasters.</summary>
    public EventManifestRegistry Registry { get; }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static OrderJournalExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<OrderJournalExtension, OrderJournalExtensionId>();
    }

    /// <summary>
    /// True when <paramref name="manifest"/> names an engine event (one of <see cref="EventManifests.EventTypes"/>) in a
    /// version older than the registered one: it must be upcast by the read event adapter. False for current versions,
    /// for snapshots (they do not pass through event adapters; the serializer upcasts them) and for anything the
    /// registry cannot read (the serializer then fails with the registry's error).
    /// </summary>
    public bool IsOutdatedEvent(string manifest) =>
        EventManifest.TryParse(manifest, out var parsed)
        && _currentEventVersions.TryGetValue(parsed.Name, out var current)
        && parsed.Version < current;

    /// <summary>Reads a stored payload of the current version or of a snapshot (upcast when older).</summary>
    /// <exception cref="UnknownManifestException">The manifest or payload cannot be read.</exception>
    public object Read(string manifest, string payload) => Registry.Deserialize(manifest, payload, UnknownStream);

    /// <summary>
    /// What a journal or query returned, as the engine reads it: the payload of a <see cref="Tagged"/> (journals that
    /// keep the write adapter's wrapper, like Akka's in-memory journal, replay it), an <see cref="OutdatedJournalEvent"/>
    /// upcast, anything else unchanged.
    /// </summary>
    /// <exception cref="UnknownManifestException">An outdated event cannot be upcast.</exception>
    public object ToCurrent(object stored) => stored switch
    {
        Tagged tagged => ToCurrent(tagged.Payload),
        OutdatedJournalEvent outdated => Upcast(outdated),
        _ => stored,
    };

    /// <summary>Brings <paramref name="outdated"/> to the current version through the registry's upcasters.</summary>
    /// <exception cref="UnknownManifestException">An upcaster is missing or the upcast payload does not fit.</exception>
    public object Upcast(OutdatedJournalEvent outdated)
    {
        ArgumentNullException.ThrowIfNull(outdated);
        return Registry.Deserialize(outdated.Manifest, outdated.Payload, UnknownStream);
    }

    private static FrozenDictionary<string, int> CurrentVersions(EventManifestRegistry registry)
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var type in EventManifests.EventTypes)
        {
            if (TryManifestOf(registry, type) is { } manifest)
            {
                versions[manifest.Name] = manifest.Version;
            }
        }

        return versions.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The registered manifest of <paramref name="type"/>; null when a custom registry left it out.</summary>
    private static EventManifest? TryManifestOf(EventManifestRegistry registry, Type type)
    {
        try
        {
            return registry.ManifestOf(type);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
