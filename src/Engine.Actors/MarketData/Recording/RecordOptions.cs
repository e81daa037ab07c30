using System.ComponentModel.DataAnnotations;

namespace Engine.Actors.MarketData.Recording;

/// <summary>
/// Recording of market data (<c>engine.record</c>): every event a feed receives, appended to one gzip-compressed JSON
/// lines file per feed and UTC day (<c>&lt;path&gt;/&lt;feed&gt;/&lt;feed&gt;-yyyy-MM-dd.mdj.gz</c>), replayable in order.
/// </summary>
public sealed record RecordOptions
{
    /// <summary>False: nothing is recorded.</summary>
    public bool Enabled { get; init; }

    /// <summary>Folder of the recordings (one sub-folder per feed).</summary>
    [Required]
    public string Path { get; init; } = "./data/market";

    /// <summary>Events queued per feed for the writer; past it new events are dropped and counted, the feed never waits.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; init; } = 100_000;
}
