using System.Text;
using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>
/// Hostile or broken files (issue 16, item 4): each is refused with one clear error naming file and line, never a
/// crash, a stack overflow, an echoed environment value or thousands of copies of the same line.
/// </summary>
public class HoconHardeningTests
{
    public sealed record Limits
    {
        public int RecvWindow { get; init; } = 5000;

        public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

        public IReadOnlyList<int> Sizes { get; init; } = [];

        public IReadOnlyDictionary<string, int> Weights { get; init; } = new Dictionary<string, int>();
    }

    [Fact]
    public void A_NUL_character_is_refused_with_its_line()
    {
        var error = Assert.Throws<ConfigException>(() => HoconConfig.Parse("a = 1\nb = \"x\0y\"\n", "engine.conf"));

        Assert.Equal("engine.conf:2: a NUL character (\\0) is not allowed in a configuration file; is it a binary or damaged file?", error.Message);
    }

    [Fact]
    public void A_NUL_character_in_a_comment_is_refused_too()
    {
        var error = Assert.Throws<ConfigException>(() => HoconConfig.Parse("a = 1\n\n# note \0\n", "engine.conf"));

        Assert.StartsWith("engine.conf:3: a NUL character", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> TooDeep => new()
    {
        { "objects", string.Concat(Enumerable.Repeat("a {", 20_000)) + string.Concat(Enumerable.Repeat("}", 20_000)) },
        { "lists", "a = " + new string('[', 20_000) + new string(']', 20_000) },
        { "key path", string.Join('.', Enumerable.Repeat("k", 20_000)) + " = 1" },
        { "mixed", "a = " + string.Concat(Enumerable.Repeat("[{ b = ", 10_000)) + "1" + string.Concat(Enumerable.Repeat("}]", 10_000)) },
    };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public void Nesting_beyond_the_cap_is_a_clear_error_not_a_stack_overflow(string kind, string text)
    {
        var error = Assert.Throws<ConfigException>(() => HoconConfig.Parse(text, "deep.conf"));

        Assert.True(error.Errors.Count == 1, kind);
        Assert.Contains($"nest more than {100} levels deep", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("deep.conf:1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_cap_reads()
    {
        var text = string.Concat(Enumerable.Repeat("a {", 99)) + "b = 1" + string.Concat(Enumerable.Repeat("}", 99));

        var config = HoconConfig.Parse(text, "deep.conf").Resolve();

        Assert.Equal(1, config.GetInt(string.Join('.', Enumerable.Repeat("a", 99)) + ".b"));
    }

    [Theory]
    [InlineData("99999999999999999999 days")]
    [InlineData("1e30 s")]
    [InlineData("-99999999999999999999 d")]
    public void A_duration_too_large_for_a_time_span_is_a_binding_error_not_an_overflow(string duration)
    {
        var config = HoconConfig.Parse($"x {{\n  ask-timeout = {duration}\n}}\n", "engine.conf").Resolve();

        var error = Assert.Throws<ConfigException>(() => config.Bind<Limits>("x"));

        Assert.Equal($"engine.conf:2: x.ask-timeout: expected a duration such as 5s, 200ms or 1 minute, got \"{duration}\"", error.Message);
        Assert.False(HoconUnits.TryParseDuration(duration, out _));
    }

    [Theory]
    [InlineData("recv-window = ${?BINANCE_SECRET}")]
    [InlineData("recv-window = \"prefix \"${?BINANCE_SECRET}")]
    [InlineData("ask-timeout = ${?BINANCE_SECRET}")]
    [InlineData("sizes = [${?BINANCE_SECRET}]")]
    [InlineData("weights { ping = ${?BINANCE_SECRET} }")]
    public void A_value_from_the_environment_is_never_echoed_in_an_error(string line)
    {
        const string secret = "s3cr3t-Value-That-Must-Not-Leak";
        var config = HoconConfig.Parse($"x {{\n  {line}\n}}\n", "engine.conf").Resolve(name => name == "BINANCE_SECRET" ? secret : null);

        var error = Assert.Throws<ConfigException>(() => config.Bind<Limits>("x"));

        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("a value from the environment (BINANCE_SECRET), not shown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_written_value_is_still_quoted_in_its_error()
    {
        var config = HoconConfig.Parse("x {\n  recv-window = soon\n}\n", "engine.conf").Resolve();

        var error = Assert.Throws<ConfigException>(() => config.Bind<Limits>("x"));

        Assert.Equal("engine.conf:2: x.recv-window: expected an integer, got \"soon\"", error.Message);
    }

    [Fact]
    public void One_bad_line_repeated_fifty_thousand_times_is_reported_once()
    {
        var text = "x {\n  sizes = [" + string.Join(", ", Enumerable.Repeat("big", 50_000)) + "]\n}\n";
        var config = HoconConfig.Parse(text, "engine.conf").Resolve();

        var error = Assert.Throws<ConfigException>(() => config.Bind<Limits>("x"));

        var only = Assert.Single(error.Errors);
        Assert.Equal("engine.conf:2: x.sizes.0: expected an integer, got \"big\" (and at 49999 more list item(s) from the same line)", only.ToString());
    }

    [Fact]
    public void Exact_repeats_are_dropped_and_a_long_report_is_cut_with_a_count()
    {
        var errors = new List<ConfigError>();
        for (var line = 1; line <= 250; line++)
        {
            errors.Add(new ConfigError(new HoconOrigin("f.conf", line), "k", "bad"));
            errors.Add(new ConfigError(new HoconOrigin("f.conf", line), "k", "bad"));
        }

        var error = new ConfigException(errors);

        Assert.Equal(101, error.Errors.Count);
        Assert.Equal("f.conf:100: k: bad", error.Errors[99].ToString());
        Assert.Equal("f.conf:101: 150 more error(s) not listed; fix the ones above first", error.Errors[100].ToString());
    }

    [Fact]
    public async Task A_hundred_thousand_dotted_keys_under_one_prefix_merge_in_linear_time()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("engine.limits.k").Append(i).Append(" = ").Append(i).Append('\n');
        }

        // A hang guard, not a performance threshold: the quadratic merge took minutes here, the linear one a second.
        var config = await Task.Run(() => HoconConfig.Parse(text.ToString(), "many.conf").Resolve()).WaitAsync(TimeSpan.FromMinutes(2));

        var limits = Assert.IsType<HoconObject>(config.GetValue("engine.limits"));
        Assert.Equal(100_000, limits.Count);
        Assert.Equal("k0", limits.Keys[0]);
        Assert.Equal(99_999, config.GetInt("engine.limits.k99999"));
        Assert.Equal(new HoconOrigin("many.conf", 100_000), config.Origin("engine.limits.k99999"));
    }

    public static TheoryData<string, string, string> MergeCases => new()
    {
        { "a.x = 1\na.y.p = 1\na { y { q = 2 } }\na.x = 3", "a", "{\"x\":3,\"y\":{\"p\":1,\"q\":2}}" },
        { "a = null\na.z = 1\na.w = 2", "a", "{\"z\":1,\"w\":2}" },
        { "c { d = 0 }\na.b = ${c}\na.b.e = 1\na.b.f = 2", "a", "{\"b\":{\"d\":0,\"e\":1,\"f\":2}}" },
        { "a { x = 1 }\na = 5\na.y = 2\na.z = 3", "a", "{\"y\":2,\"z\":3}" },
        { "a.l = [1]\na.l += 2\na.m = 1\na.m = { n = 1 }\na.m.o = 2", "a", "{\"l\":[1,2],\"m\":{\"n\":1,\"o\":2}}" },
    };

    [Theory]
    [MemberData(nameof(MergeCases))]
    public void Merging_in_place_keeps_the_spec_merge_rules(string text, string path, string json)
    {
        var config = HoconConfig.Parse(text, "m.conf").Resolve();

        Assert.Equal(json, config.GetConfig(path).ToJson());
    }
}
