using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>Duration and size formats from the spec's "Units format" section.</summary>
public class HoconUnitsTests
{
    public static TheoryData<string, long> Durations => new()
    {
        { "5s", TimeSpan.FromSeconds(5).Ticks },
        { "200ms", TimeSpan.FromMilliseconds(200).Ticks },
        { "200 ms", TimeSpan.FromMilliseconds(200).Ticks },
        { "1 minute", TimeSpan.FromMinutes(1).Ticks },
        { "2 minutes", TimeSpan.FromMinutes(2).Ticks },
        { "3m", TimeSpan.FromMinutes(3).Ticks },
        { "1.5h", TimeSpan.FromMinutes(90).Ticks },
        { "2 hours", TimeSpan.FromHours(2).Ticks },
        { "1d", TimeSpan.FromDays(1).Ticks },
        { "7 days", TimeSpan.FromDays(7).Ticks },
        { "1 second", TimeSpan.FromSeconds(1).Ticks },
        { "10 millis", TimeSpan.FromMilliseconds(10).Ticks },
        { "3 milliseconds", TimeSpan.FromMilliseconds(3).Ticks },
        { "250us", 2_500 },
        { "5 microseconds", 50 },
        { "1 micro", 10 },
        { "1000ns", 10 },
        { "300 nanoseconds", 3 },
        { "150", TimeSpan.FromMilliseconds(150).Ticks },
        { " 42 s ", TimeSpan.FromSeconds(42).Ticks },
        { "0", 0 },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Parses_durations(string text, long expectedTicks)
    {
        Assert.True(HoconUnits.TryParseDuration(text, out var value));
        Assert.Equal(expectedTicks, value.Ticks);
    }

    [Theory]
    [InlineData("5S")]
    [InlineData("5 sec")]
    [InlineData("five seconds")]
    [InlineData("5 s s")]
    [InlineData("")]
    [InlineData("1w")]
    public void Rejects_bad_durations(string text) => Assert.False(HoconUnits.TryParseDuration(text, out _));

    public static TheoryData<string, long> Sizes => new()
    {
        { "64MiB", 64L * 1024 * 1024 },
        { "512K", 512 * 1024 },
        { "512k", 512 * 1024 },
        { "1Ki", 1024 },
        { "1KiB", 1024 },
        { "1 kibibyte", 1024 },
        { "2 kibibytes", 2048 },
        { "10kB", 10_000 },
        { "1 kilobyte", 1_000 },
        { "1MB", 1_000_000 },
        { "1M", 1_048_576 },
        { "1 megabytes", 1_000_000 },
        { "1GB", 1_000_000_000 },
        { "1G", 1L << 30 },
        { "1GiB", 1L << 30 },
        { "1 gibibyte", 1L << 30 },
        { "2TB", 2_000_000_000_000 },
        { "1TiB", 1L << 40 },
        { "1PiB", 1L << 50 },
        { "1EiB", 1L << 60 },
        { "1EB", 1_000_000_000_000_000_000 },
        { "100", 100 },
        { "100B", 100 },
        { "100 bytes", 100 },
        { "1 byte", 1 },
        { "1.5K", 1536 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Parses_sizes(string text, long expected)
    {
        Assert.True(HoconUnits.TryParseBytes(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1ZiB")]
    [InlineData("1YB")]
    [InlineData("1.5B")]
    [InlineData("12 parsecs")]
    [InlineData("KB")]
    [InlineData("1kb")]
    public void Rejects_bad_sizes(string text) => Assert.False(HoconUnits.TryParseBytes(text, out _));

    [Fact]
    public void Getters_use_the_unit_formats()
    {
        var config = HoconConfig.Parse("d = 5s\nn = 200\ns = 64MiB\nb = 4096").Resolve(_ => null);

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("d"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), config.GetDuration("n"));
        Assert.Equal(64L * 1024 * 1024, config.GetBytes("s"));
        Assert.Equal(4096, config.GetBytes("b"));
    }
}
