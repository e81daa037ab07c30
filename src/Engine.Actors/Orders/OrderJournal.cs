using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Akka.Persistence.Journal;
using Engine.Messages;
using Engine.Messages.Identifiers;
using Engine.Messages.Orders;
using Engine.Persistence.Serialization;

namespace Engine.Actors.Orders;

/// <summary>
/// How order books are stored: one persistence id per login (<c>orders/&lt;login&gt;</c>), every event tagged
/// <see cref="Tag"/>, and the manifest registry that maps each journaled type to its name and version. The
/// engine and <c>engine audit</c> both read the journal through this registry (by way of
/// <see cref="OrderJournalSerializer"/>), so they agree on every byte. <see cref="AkkaConfig"/> wires it into Akka.
/// </summary>
public static partial class OrderJournal
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

    /// <summary>Name of <see cref="OrderJournalSerializer"/> under <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "engine-orders";

    /// <summary>Name of <see cref="OrderJournalTagger"/> under each journal plugin's <c>event-adapters</c>.</summary>
    public const string TaggerName = "engine-orders-tagger";

    /// <summary>Name of <see cref="OrderJournalUpcaster"/> under each journal plugin's <c>event-adapters</c>.</summary>
    public const string UpcasterName = "engine-orders-upcaster";

    /// <summary>
    /// The Akka configuration of the order journal, to combine with the host's (either way round: it sets only these
    /// keys): <see cref="OrderJournalSerializer"/> under <c>akka.actor.serializers</c> (identifier 4101, in the class)
    /// with <c>serialization-bindings</c> for <see cref="IOrderEvent"/> and <see cref="OrderBookSnapshot"/>; and, for
    /// every journal plugin config path given (e.g. <c>akka.persistence.journal.sql</c>), its <c>event-adapters</c> and
    /// <c>event-adapter-bindings</c>: <see cref="OrderJournalTagger"/> for writes of <see cref="IOrderEvent"/>,
    /// <see cref="OrderJournalUpcaster"/> for reads of <see cref="OutdatedJournalEvent"/> and of a replayed
    /// <see cref="Tagged"/> (journals that keep the wrapper, like Akka's in-memory one). A query plugin reading such a
    /// journal must apply that journal's adapters (its <c>write-plugin</c>); the engine's readers also upcast what
    /// reaches them unadapted.
    /// </summary>
    /// <param name="journalPluginPaths">Config paths of the journal plugins order books write to; duplicates are ignored.</param>
    /// <exception cref="ArgumentException">A path is empty or not a plain dotted HOCON path.</exception>
    public static Akka.Configuration.Config AkkaConfig(params string[] journalPluginPaths)
    {
        ArgumentNullException.ThrowIfNull(journalPluginPaths);
        var hocon = new StringBuilder()
            .AppendLine("akka.actor {")
            .AppendLine($"  serializers {{ {SerializerName} = \"{TypeName(typeof(OrderJournalSerializer))}\" }}")
            .AppendLine("  serialization-bindings {")
            .AppendLine($"    \"{TypeName(typeof(IOrderEvent))}\" = {SerializerName}")
            .AppendLine($"    \"{TypeName(typeof(OrderBookSnapshot))}\" = {SerializerName}")
            .AppendLine("  }")
            .AppendLine("}");
        foreach (var path in journalPluginPaths.Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(path) || !PluginPathPattern().IsMatch(path))
            {
                throw new ArgumentException(
                    $"'{path}' is not a journal plugin config path; expected a dotted HOCON path such as 'akka.persistence.journal.sql'.",
                    nameof(journalPluginPaths));
            }

            hocon
                .AppendLine($"{path} {{")
                .AppendLine("  event-adapters {")
                .AppendLine($"    {TaggerName} = \"{TypeName(typeof(OrderJournalTagger))}\"")
                .AppendLine($"    {UpcasterName} = \"{TypeName(typeof(OrderJournalUpcaster))}\"")
                .AppendLine("  }")
                .AppendLine("  event-adapter-bindings {")
                .AppendLine($"    \"{TypeName(typeof(IOrderEvent))}\" = {TaggerName}")
                .AppendLine($"    \"{TypeName(typeof(OutdatedJournalEvent))}\" = {UpcasterName}")
                .AppendLine($"    \"{TypeName(typeof(Tagged))}\" = {UpcasterName}")
                .AppendLine("  }")
                .AppendLine("}");
        }

        return Akka.Configuration.ConfigurationFactory.ParseString(hocon.ToString());
    }

    /// <summary>The type's name as Akka resolves it from HOCON: full name and assembly name, no version.</summary>
    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PluginPathPattern();
}
