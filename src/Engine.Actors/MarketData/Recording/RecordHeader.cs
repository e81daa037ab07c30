namespace Engine.Actors.MarketData.Recording;

/// <summary>The first line of every recording member: what the lines are and who wrote them.</summary>
/// <param name="Schema">Always <see cref="SchemaName"/>.</param>
/// <param name="Version">Line format version (<see cref="CurrentVersion"/>).</param>
/// <param name="Feed">The feed recorded.</param>
/// <param name="Venue">Its venue.</param>
/// <param name="Opened">When the writer opened the file (engine clock).</param>
public sealed record RecordHeader(string Schema, int Version, string Feed, string Venue, DateTimeOffset Opened)
{
    /// <summary>Schema name of market-data recordings.</summary>
    public const string SchemaName = "engine.market-data";

    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 1;
}
