using System.Text;
using System.Text.RegularExpressions;
using Engine.Messages.Identifiers;
using Engine.Messages.Tasks;

namespace Engine.Actors.Tasks;

/// <summary>
/// How task books are stored: one persistence id per login (<c>tasks/&lt;login&gt;</c>), every event tagged
/// <see cref="Tag"/>, written by <see cref="TaskJournalSerializer"/> with the engine's event manifests
/// (<c>Engine.Messages.EventManifests</c>: <c>TaskCommandIssued.v1</c>, <c>TradeSucceeded.v1</c>, ...) from the same
/// registry as the order journal, so the engine and <c>engine audit</c> agree on every byte. Use
/// <see cref="AkkaConfig"/> together with <c>OrderJournal.AkkaConfig</c> (whose read adapter upcasts old versions).
/// </summary>
public static partial class TaskJournal
{
    /// <summary>Tag on every task-book event; the audit reads by it.</summary>
    public const string Tag = "tasks";

    /// <summary>Prefix of every task book's persistence id.</summary>
    public const string PersistenceIdPrefix = "tasks/";

    /// <summary>Name of <see cref="TaskJournalSerializer"/> under <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "engine-tasks";

    /// <summary>Name of <see cref="TaskJournalTagger"/> under each journal plugin's <c>event-adapters</c>.</summary>
    public const string TaggerName = "engine-tasks-tagger";

    /// <summary>The persistence id of <paramref name="login"/>'s task book.</summary>
    public static string PersistenceIdOf(LoginId login) => PersistenceIdPrefix + login.Value;

    /// <summary>
    /// The Akka configuration of the task journal, to combine with the host's and with <c>OrderJournal.AkkaConfig</c>
    /// (either way round: it sets only these keys): <see cref="TaskJournalSerializer"/> (identifier 4102) bound to
    /// <see cref="ITaskEvent"/>, and on every journal plugin given its <see cref="TaskJournalTagger"/> for writes of
    /// <see cref="ITaskEvent"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A path is empty or not a plain dotted HOCON path.</exception>
    public static Akka.Configuration.Config AkkaConfig(params string[] journalPluginPaths)
    {
        ArgumentNullException.ThrowIfNull(journalPluginPaths);
        var hocon = new StringBuilder()
            .AppendLine("akka.actor {")
            .AppendLine($"  serializers {{ {SerializerName} = \"{TypeName(typeof(TaskJournalSerializer))}\" }}")
            .AppendLine($"  serialization-bindings {{ \"{TypeName(typeof(ITaskEvent))}\" = {SerializerName} }}")
            .AppendLine("}");
        foreach (var path in journalPluginPaths.Distinct(StringComparer.Ordinal))
        {
            if (string.IsNullOrEmpty(path) || !PluginPathPattern().IsMatch(path))
            {
                throw new ArgumentException($"'{path}' is not a journal plugin config path; expected a dotted HOCON path such as 'akka.persistence.journal.sql'.", nameof(journalPluginPaths));
            }

            hocon
                .AppendLine($"{path} {{")
                .AppendLine($"  event-adapters {{ {TaggerName} = \"{TypeName(typeof(TaskJournalTagger))}\" }}")
                .AppendLine($"  event-adapter-bindings {{ \"{TypeName(typeof(ITaskEvent))}\" = {TaggerName} }}")
                .AppendLine("}");
        }

        return Akka.Configuration.ConfigurationFactory.ParseString(hocon.ToString());
    }

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    [GeneratedRegex(@"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PluginPathPattern();
}
