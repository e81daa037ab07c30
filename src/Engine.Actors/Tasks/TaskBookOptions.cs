namespace Engine.Actors.Tasks;

/// <summary>Settings of a login's task book; journal and snapshot plugins are the actor system's defaults unless given.</summary>
public sealed record TaskBookOptions
{
    /// <summary>Config path of the journal plugin; null = the configured default.</summary>
    public string? JournalPluginId { get; init; }

    /// <summary>The login's DBot settings, for its REST calls (key and base); null = no REST (queries that need it fail saying so).</summary>
    public Venues.DBot.DBotOptions? Venue { get; init; }

    /// <summary>Most pages read when listing follow orders (20 per page); a safety stop against a venue that never ends a list.</summary>
    public int MaxListPages { get; init; } = 50;
}
