namespace Engine.Persistence;

/// <summary>
/// How <c>engine.journal</c> and <c>engine.snapshot-store</c> name what they use: <c>plugin = engine | akka-sql</c>
/// with <c>database = sqlite | postgresql | in-memory</c>, or the older <c>plugin = sqlite | postgresql | in-memory</c>,
/// which means the engine plugin on that database. One rule for both sections. Pure.
/// </summary>
public static class PluginChoice
{
    /// <summary>What <c>plugin</c> accepts.</summary>
    public const string PluginPattern = "^(engine|akka-sql|sqlite|postgresql|in-memory)$";

    /// <summary>What <c>database</c> accepts.</summary>
    public const string DatabasePattern = "^(sqlite|postgresql|in-memory)$";

    /// <summary>The plugin in force: <c>engine</c> or <c>akka-sql</c>.</summary>
    public static string Plugin(string plugin) => plugin is "akka-sql" ? "akka-sql" : "engine";

    /// <summary>The database in force: <paramref name="database"/>, or the one <paramref name="plugin"/> names in its older form.</summary>
    public static string Database(string plugin, string database) => plugin is "sqlite" or "postgresql" or "in-memory" ? plugin : database;
}
