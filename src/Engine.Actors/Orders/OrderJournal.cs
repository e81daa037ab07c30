using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Engine.Persistence.Serialization;
using Engine.Messages;
using Engine.Messages.Identifiers;

namespace Engine.Actors.Orders;

/// <summary>
/// How order books are stored: one persistence id per login (<c>orders/&lt;login&gt;</c>), every event tagged
/// <see cref="Tag"/>, and the manifest registry that maps each journaled type to its name and version. The
/// engine and <c>engine audit</c> both read the journal through this registry, so they agree on every byte.
/// </summary>
public static class OrderJournal
{
    /// <summary>Tag on every order-book event; the audit reads by it.</summary>
    public const string Tag = "orders";

    /// <summary>Prefix of every order book's persistence id.</summary>
    public const string PersistenceIdPrefix = "orders/";

    /// <summary>The persistence id of <paramref name="login"/>'s order book.</summary>
    public static string PersistenceIdOf(LoginId login) => PersistenceIdPrefix + login.Value;

    /// <summary>Manifest name of <see cref="OrderBookSnapshot"/>.</summary>
    public const string SnapshotManifest = "OrderBookSnapshot";

    /// <summary>Current version of <see cref="OrderBookSnapshot"/>.</summary>
    public const int SnapshotVersion = 1;

    /// <summary>
    /// A registry with every engine event and the order book snapshot (source-generated JSON, case-sensitive names).
    /// </summary>
    public static EventManifestRegistry CreateRegistry()
    {
        var json = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(EngineMessagesJsonContext.Default, OrderBookJsonContext.Default),
        };
        return Register(new EventManifestRegistry(json));
    }

    /// <summary>
    /// Adds every event type of <see cref="EventManifests"/> and <see cref="OrderBookSnapshot"/> to
    /// <paramref name="registry"/>; its JSON options must resolve them (as <see cref="CreateRegistry"/>'s do).
    /// </summary>
    public static EventManifestRegistry Register(EventManifestRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var type in EventManifests.EventTypes)
        {
            registry.Register(type, type.Name, EventManifests.CurrentVersion);
        }

        return registry.Register<OrderBookSnapshot>(SnapshotManifest, SnapshotVersion);
    }
}
