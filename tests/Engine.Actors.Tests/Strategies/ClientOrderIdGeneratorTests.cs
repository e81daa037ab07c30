using Engine.Actors.Strategies;
using Engine.TestKit;

namespace Engine.Actors.Tests.Strategies;

public class ClientOrderIdGeneratorTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(35L, "z")]
    [InlineData(36L, "10")]
    [InlineData(1_767_225_600_000L, "mjuohs00")]
    public void Base36_is_lowercase_and_minimal(long value, string expected) =>
        Assert.Equal(expected, ClientOrderIdGenerator.Base36(value));

    [Fact]
    public void Ids_count_up_under_a_stem_of_the_name_and_the_start_millisecond()
    {
        var time = new ManualTimeProvider();
        var generator = new ClientOrderIdGenerator("mm", time);
        var stem = "mm-" + ClientOrderIdGenerator.Base36(time.GetUtcNow().ToUnixTimeMilliseconds());

        Assert.Equal(
            [$"{stem}-1", $"{stem}-2", $"{stem}-3"],
            new[] { generator.Next(), generator.Next(), generator.Next() }.Select(id => id.Value));
    }

    [Fact]
    public void Generators_started_a_millisecond_apart_never_share_an_id()
    {
        var time = new ManualTimeProvider();
        var first = new ClientOrderIdGenerator("mm", time);
        var a = Enumerable.Range(0, 100).Select(_ => first.Next()).ToHashSet();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var second = new ClientOrderIdGenerator("mm", time);

        Assert.DoesNotContain(Enumerable.Range(0, 100).Select(_ => second.Next()), a.Contains);
    }
}
