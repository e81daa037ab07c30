using Engine.Actors.MarketData.Recording;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.Messages.Orders;
using Engine.TestKit;

namespace Engine.Actors.Tests.MarketData;

/// <summary>Recordings: gzip JSON lines per feed and UTC day, a header per run, events back exactly and in order.</summary>
public sealed class MarketDataRecorderTests : IDisposable
{
    private static readonly FeedId Feed = new("bn");
    private static readonly Symbol Btc = new("BTCUSDT");
    private static readonly DateTimeOffset Day1 = new(2026, 1, 1, 23, 59, 59, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("md-record-");
    private readonly ManualTimeProvider _clock = new(Day1);

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Every_kind_of_event_is_read_back_equal_and_in_order_after_the_header()
    {
        IMarketDataEvent[] events =
        [
            new QuoteTick(Feed, Btc, 1.5m, 2m, 1.6m, 3m, Day1, Day1),
            new TradeTick(Feed, Btc, "42", 1.55m, 0.001m, OrderSide.Sell, Day1, Day1),
            new OrderBookSnapshot(Feed, Btc, 7, [new BookLevel(1.5m, 2m)], [new BookLevel(1.6m, 3m)], true, Day1, Day1),
            new OrderBookDelta(Feed, Btc, 7, 9, [new BookLevel(1.5m, 0m)], [], Day1, Day1),
            new Bar(Feed, Btc, "1m", Day1, Day1.AddMinutes(1), 1m, 2m, 0.5m, 1.5m, 10m, false, Day1, Day1),
            new TickerTick(Feed, Btc, 1m, 2m, 0.5m, 1.5m, 10m, 15m, 0.1m, 1.2m, 1.4m, 2m, 1.6m, 3m, 120, Day1, Day1),
        ];

        await Record(events);

        var items = MarketDataFile.Read(Path.Combine(_folder.FullName, "bn", "bn-2026-01-01.mdj.gz")).ToList();
        var header = Assert.IsType<RecordHeader>(items[0]);
        Assert.Equal((RecordHeader.SchemaName, 1, "bn", "binance"), (header.Schema, header.Version, header.Feed, header.Venue));
        var back = items.Skip(1).Cast<RecordLine>().Select(l => l.Event).ToList();
        Assert.Equal(events.Length, back.Count);
        Assert.Equal(events[0], back[0]);
        Assert.Equal(events[1], back[1]);
        Assert.Equal(events[4], back[4]);
        Assert.Equal(events[5], back[5]);
        var book = Assert.IsType<OrderBookSnapshot>(back[2]);
        Assert.Equal((7L, true, new BookLevel(1.5m, 2m)), (book.UpdateId, book.IsResync, book.Bids.Single()));
        var delta = Assert.IsType<OrderBookDelta>(back[3]);
        Assert.Equal((7L, 9L, new BookLevel(1.5m, 0m)), (delta.PreviousUpdateId, delta.UpdateId, delta.Bids.Single()));
    }

    [Fact]
    public async Task A_new_utc_day_starts_a_new_file_and_a_second_run_appends_its_own_header()
    {
        var next = Day1.AddSeconds(2);
        await Record([Quote(Day1), Quote(next)]);
        await Record([Quote(next.AddSeconds(1))]);

        var first = MarketDataFile.Read(Path.Combine(_folder.FullName, "bn", "bn-2026-01-01.mdj.gz")).ToList();
        var second = MarketDataFile.Read(Path.Combine(_folder.FullName, "bn", "bn-2026-01-02.mdj.gz")).ToList();

        Assert.Equal([typeof(RecordHeader), typeof(RecordLine)], first.Select(i => i.GetType()));
        Assert.Equal([typeof(RecordHeader), typeof(RecordLine), typeof(RecordHeader), typeof(RecordLine)], second.Select(i => i.GetType()));
        Assert.Equal(next.AddSeconds(1), ((RecordLine)second[3]).Event.ReceivedAt);
    }

    [Fact]
    public void A_file_that_is_not_a_recording_is_refused_naming_the_line()
    {
        var path = Path.Combine(_folder.FullName, "bad.mdj.gz");
        using (var file = File.Create(path))
        using (var zip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write("{\"schema\":\"other\",\"version\":1,\"feed\":\"x\",\"venue\":\"y\",\"opened\":\"2026-01-01T00:00:00+00:00\"}\n"u8);
        }

        var error = Assert.Throws<FormatException>(() => MarketDataFile.Read(path).ToList());
        Assert.Contains("bad.mdj.gz:1: schema other v1 is not engine.market-data", error.Message, StringComparison.Ordinal);
    }

    private async Task Record(IEnumerable<IMarketDataEvent> events)
    {
        await using var recorder = new MarketDataRecorder(new RecordOptions { Enabled = true, Path = _folder.FullName }, "bn", "binance", _clock);
        foreach (var marketEvent in events)
        {
            Assert.True(recorder.TryRecord(marketEvent));
        }
    }

    private static QuoteTick Quote(DateTimeOffset at) => new(Feed, Btc, 1m, 1m, 2m, 1m, at, at);
}
