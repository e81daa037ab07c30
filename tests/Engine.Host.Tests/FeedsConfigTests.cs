using Engine.Actors.MarketData.Recording;
using Engine.Messages.Identifiers;
using Engine.Messages.MarketData;
using Engine.TestKit;

namespace Engine.Host.Tests;

/// <summary><c>engine.feeds</c> and <c>engine.record</c> are bound and validated like logins; <c>engine data inspect</c> reads a recording.</summary>
public class FeedsConfigTests
{
    [Theory]
    [InlineData("engine.feeds = [\n  { name = f, venue = kraken, url = \"wss://x\" }\n]\n", ":2: engine.feeds.0: feed 'f': unknown venue 'kraken'; expected one of: binance, dbot, toobit")]
    [InlineData("engine.feeds = [\n  { name = f, venue = toobit, url = \"wss://x\", bar-interval = 3m }\n]\n", "bar-interval '3m' is not a Toobit kline interval")]
    [InlineData("engine.feeds = [\n  { name = f, venue = binance, url = \"https://x\" }\n]\n", "feed 'f': url https://x/ must be a ws://, wss:// or sim:// URL")]
    [InlineData("engine.feeds = [\n  { name = f, venue = binance, url = \"wss://x\", bar-interval = 7m }\n]\n", "bar-interval '7m' is not a Binance kline interval")]
    [InlineData("engine.feeds = [\n  { name = f, venue = binance, url = \"wss://x\", channels = [quotes, ticks] }\n]\n", "engine.feeds.0.channels.1")]
    [InlineData("engine.feeds = [\n  { name = f, venue = binance, url = \"sim://nowhere\" }\n]\n", "feeds: feed 'f' uses sim://nowhere/ but no simulator is called 'nowhere'")]
    [InlineData("engine.feeds = [\n  { name = f, venue = binance, url = \"wss://x\" }\n  { name = f, venue = binance, url = \"wss://y\" }\n]\n", "feeds: the name 'f' is used by more than one feed")]
    [InlineData("engine.record.queue-capacity = 0\n", "engine.record.queue-capacity")]
    public async Task A_bad_feed_fails_the_check_naming_file_line_and_what_was_expected(string content, string expected) =>
        Assert.Contains(expected, await CliRunner.CheckBadConfigAsync(content), StringComparison.Ordinal);

    [Fact]
    public async Task Data_inspect_summarises_a_recording_and_prints_its_first_events()
    {
        using var dir = new TempDir();
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var feed = new FeedId("bn");
        await using (var recorder = new MarketDataRecorder(new RecordOptions { Enabled = true, Path = dir.Path }, "bn", "binance", new ManualTimeProvider(at)))
        {
            recorder.TryRecord(new QuoteTick(feed, new Symbol("BTCUSDT"), 1m, 2m, 3m, 4m, at, at));
            recorder.TryRecord(new QuoteTick(feed, new Symbol("BTCUSDT"), 5m, 6m, 7m, 8m, at, at));
        }

        var (code, output, _) = await CliRunner.RunAsync("data", "inspect", Path.Combine(dir.Path, "bn", "bn-2026-01-01.mdj.gz"), "--first", "1");

        Assert.Equal(0, code);
        Assert.Contains("header: engine.market-data v1, feed bn (binance)", output, StringComparison.Ordinal);
        Assert.Contains("quote BTCUSDT: 2", output, StringComparison.Ordinal);
        Assert.Contains("quote BTCUSDT 2@1 / 4@3", output, StringComparison.Ordinal);
        Assert.DoesNotContain("6@5", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_inspect_of_a_file_that_is_not_a_recording_fails_with_its_name()
    {
        using var dir = new TempDir();
        var file = dir.File("x.mdj.gz", "not gzip");

        var (code, _, error) = await CliRunner.RunAsync("data", "inspect", file);

        Assert.Equal(1, code);
        Assert.Contains("cannot read", error, StringComparison.Ordinal);
    }
}
