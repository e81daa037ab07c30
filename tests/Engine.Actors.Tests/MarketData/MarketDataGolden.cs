namespace Engine.Actors.Tests.MarketData;

/// <summary>Golden market-data frames (market-data reference §4.1 and shapes of §1.2–§1.6) copied beside the test assembly.</summary>
internal static class MarketDataGolden
{
    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "MarketData", "golden", name + ".json"));
}
