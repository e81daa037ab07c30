using System.Text;
using Engine.Actors.Orders;
using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// How trading-state changes are stored: one persistence id (<see cref="PersistenceId"/>), every event tagged
/// <see cref="Tag"/> for the audit, serialized by the order journal's serializer (the registry knows
/// <see cref="TradingStateChanged"/> from <c>EventManifests</c>). <see cref="AkkaConfig"/> wires it into Akka beside
/// <see cref="OrderJournal.AkkaConfig"/>.
/// </summary>
public static class RiskJournal
{
    /// <summary>The risk actor's persistence id.</summary>
    public const string PersistenceId = "risk";

    /// <summary>Tag on every trading-state change; <c>engine audit</c> reads by it.</summary>
    public const string Tag = "risk";

    /// <summary>Name of <see cref="RiskJournalTagger"/> under each journal plugin's <c>event-adapters</c>.</summary>
    public const string TaggerName = "engine-risk-tagger";

    /// <summary>
    /// The serialization binding of <see cref="TradingStateChanged"/> (to <see cref="OrderJournal.SerializerName"/>) and,
    /// for each journal plugin config path, the tagging write adapter.
    /// </summary>
    public static Akka.Configuration.Config AkkaConfig(params string[] journalPluginPaths)
    {
        ArgumentNullException.ThrowIfNull(journalPluginPaths);
        var hocon = new StringBuilder()
            .AppendLine($"akka.actor.serialization-bindings {{ \"{TypeName(typeof(TradingStateChanged))}\" = {OrderJournal.SerializerName} }}");
        foreach (var path in journalPluginPaths.Distinct(StringComparer.Ordinal))
        {
            hocon
                .AppendLine($"{path} {{")
                .AppendLine($"  event-adapters {{ {TaggerName} = \"{TypeName(typeof(RiskJournalTagger))}\" }}")
                .AppendLine($"  event-adapter-bindings {{ \"{TypeName(typeof(TradingStateChanged))}\" = {TaggerName} }}")
                .AppendLine("}");
        }

        return Akka.Configuration.ConfigurationFactory.ParseString(hocon.ToString());
    }

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
