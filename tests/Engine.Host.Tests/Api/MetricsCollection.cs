namespace Engine.Host.Tests.Api;

/// <summary>
/// Tests that read an engine's own instruments from <c>/metrics</c> run alone: an engine's meter is named
/// <c>Engine</c> and its exporter listens to every meter of that name in the process, so an engine another test runs
/// at the same time registers the same observable gauges first, and the scraped engine's (its budget gauge) are not
/// reported. One engine per process, as in production, is what these tests need.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "metrics scrape";
}
