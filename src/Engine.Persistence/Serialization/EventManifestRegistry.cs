using System.Collections.Concurrent;
using System.Text.Json;

namespace Engine.Persistence.Serialization;

/// <summary>
/// Maps event and snapshot types to manifests (name + current version) and back, serializing with
/// System.Text.Json. Older stored versions are brought to the current one by chained
/// <see cref="IEventUpcaster"/>s before deserializing. One instance per actor system (no statics).
/// Register everything at start-up; all members are thread-safe.
/// </summary>
public sealed class EventManifestRegistry
{
    private readonly ConcurrentDictionary<Type, EventManifest> byType = new();
    private readonly ConcurrentDictionary<string, (Type Type, int Version)> byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, int FromVersion), IEventUpcaster> upcasters = new();
    private readonly ConcurrentDictionary<string, EventManifest> parsedManifests = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions json;

    /// <summary>Creates a registry; <paramref name="jsonOptions"/> defaults to <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public EventManifestRegistry(JsonSerializerOptions? jsonOptions = null)
    {
        json = jsonOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    /// <summary>Registers <typeparamref name="T"/> as the current version of <paramref name="name"/>.</summary>
    public EventManifestRegistry Register<T>(string name, int version) => Register(typeof(T), name, version);

    /// <summary>Registers <paramref name="type"/> as the current version of <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The name is malformed, or the type or name is already registered differently.</exception>
    public EventManifestRegistry Register(Type type, string name, int version)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        var manifest = new EventManifest(name, version);
        if (!EventManifest.TryParse(manifest.ToString(), out var check) || check != manifest)
        {
            throw new ArgumentException($"Manifest name '{name}' must not end in '.v<digits>'.", nameof(name));
        }

        if (!byName.TryAdd(name, (type, version)) && byName[name] != (type, version))
        {
            throw new ArgumentException($"Manifest name '{name}' is already registered for {byName[name].Type.Name} v{byName[name].Version}.", nameof(name));
        }

        if (!byType.TryAdd(type, manifest) && byType[type] != manifest)
        {
            throw new ArgumentException($"Type {type.Name} is already registered as '{byType[type]}'.", nameof(type));
        }

        return this;
    }

    /// <summary>Adds an upcaster from <see cref="IEventUpcaster.FromVersion"/> to the next version.</summary>
    public EventManifestRegistry AddUpcaster(IEventUpcaster upcaster)
    {
        ArgumentNullException.ThrowIfNull(upcaster);
        if (!upcasters.TryAdd((upcaster.Name, upcaster.FromVersion), upcaster))
        {
            throw new ArgumentException($"An upcaster for '{upcaster.Name}' v{upcaster.FromVersion} is already registered.", nameof(upcaster));
        }

        return this;
    }

    /// <summary>The manifest of a registered type.</summary>
    /// <exception cref="InvalidOperationException">The type is not registered.</exception>
    public EventManifest ManifestOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return byType.TryGetValue(type, out var manifest)
            ? manifest
            : throw new InvalidOperationException($"Type {type.FullName} has no event manifest; register it with EventManifestRegistry.Register.");
    }

    /// <summary>
    /// The JSON of a registered event or snapshot (the same text <see cref="Serialize"/> gives), written straight to
    /// UTF-8 bytes without a string in between.
    /// </summary>
    /// <exception cref="InvalidOperationException">The type is not registered.</exception>
    public byte[] SerializeToUtf8Bytes(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _ = ManifestOf(value.GetType());
        return JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json);
    }

    /// <summary>Serializes a registered event or snapshot with its current manifest.</summary>
    public SerializedEvent Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var manifest = ManifestOf(value.GetType());
        return new SerializedEvent(manifest.ToString(), JsonSerializer.Serialize(value, value.GetType(), json));
    }

    /// <summary>
    /// Deserializes a stored payload, upcasting older versions first.
    /// </summary>
    /// <exception cref="UnknownManifestException">The manifest cannot be read; names it and <paramref name="persistenceId"/>.</exception>
    public object Deserialize(string manifest, string payload, string persistenceId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!TryParseCached(manifest, out var parsed))
        {
            throw new UnknownManifestException(manifest, persistenceId, "it is not of the form name.vN.");
        }

        if (!byName.TryGetValue(parsed.Name, out var target))
        {
            throw new UnknownManifestException(manifest, persistenceId, $"no type is registered for '{parsed.Name}'.");
        }

        if (parsed.Version > target.Version)
        {
            throw new UnknownManifestException(manifest, persistenceId, $"it is newer than the registered version {target.Version}; this engine is too old for the journal.");
        }

        try
        {
            if (parsed.Version == target.Version)
            {
                return JsonSerializer.Deserialize(payload, target.Type, json)
                    ?? throw new UnknownManifestException(manifest, persistenceId, "the payload is JSON null.");
            }

            using var document = JsonDocument.Parse(payload);
            var element = document.RootElement;
            for (var v = parsed.Version; v < target.Version; v++)
            {
                if (!upcasters.TryGetValue((parsed.Name, v), out var upcaster))
                {
                    throw new UnknownManifestException(manifest, persistenceId, $"no upcaster from v{v} to v{v + 1}.");
                }

                element = upcaster.Upcast(element);
            }

            return element.Deserialize(target.Type, json)
                ?? throw new UnknownManifestException(manifest, persistenceId, "the upcast payload is JSON null.");
        }
        catch (JsonException ex)
        {
            throw new UnknownManifestException(manifest, persistenceId, $"the payload does not fit {target.Type.Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Parses a manifest once per distinct text (replays repeat a handful of manifests millions of times).</summary>
    private bool TryParseCached(string manifest, out EventManifest result)
    {
        if (manifest is not null && parsedManifests.TryGetValue(manifest, out result))
        {
            return true;
        }

        if (!EventManifest.TryParse(manifest, out result))
        {
            return false;
        }

        if (parsedManifests.Count < 10_000)
        {
            parsedManifests.TryAdd(manifest!, result);
        }

        return true;
    }
}
