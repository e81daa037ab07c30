using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>Fallback chains (engine.conf over reference.conf) and environment substitution.</summary>
public class HoconFallbackTests
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["API_KEY"] = "k-123",
        ["HOME"] = "/home/trader",
        ["PATH"] = "/usr/bin",
        ["EMPTY"] = string.Empty,
    };

    private static string? Lookup(string name) => Environment.GetValueOrDefault(name);

    [Fact]
    public void Application_config_overrides_reference_and_objects_merge()
    {
        var reference = HoconConfig.Parse("engine { kernel { throughput = 30, ask-timeout = 5s } }", "reference.conf");
        var app = HoconConfig.Parse("engine.kernel.throughput = 64", "engine.conf");

        var config = app.WithFallback(reference).Resolve(Lookup);

        Assert.Equal(64, config.GetInt("engine.kernel.throughput"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("engine.kernel.ask-timeout"));
        Assert.Equal(new HoconOrigin("engine.conf", 1), config.Origin("engine.kernel.throughput"));
        Assert.Equal(new HoconOrigin("reference.conf", 1), config.Origin("engine.kernel.ask-timeout"));
    }

    [Fact]
    public void Substitutions_resolve_against_the_merged_tree()
    {
        var reference = HoconConfig.Parse("timeout = 5s\nask = ${timeout}", "reference.conf");
        var app = HoconConfig.Parse("timeout = 9s", "engine.conf");

        var config = app.WithFallback(reference).Resolve(Lookup);

        Assert.Equal(TimeSpan.FromSeconds(9), config.GetDuration("ask"));
    }

    [Fact]
    public void Self_reference_sees_the_fallback_value()
    {
        var reference = HoconConfig.Parse("hosts = [a]", "reference.conf");
        var app = HoconConfig.Parse("hosts += b", "engine.conf");

        var config = app.WithFallback(reference).Resolve(Lookup);

        Assert.Equal(["a", "b"], config.GetStringList("hosts"));
    }

    [Fact]
    public void Non_adjacent_objects_do_not_merge_across_a_scalar()
    {
        var first = HoconConfig.Parse("a { x = 1 }");
        var second = HoconConfig.Parse("a = 42");
        var third = HoconConfig.Parse("a { y = 2 }");

        Assert.Equal("""{"a":{"x":1}}""", first.WithFallback(second).WithFallback(third).Resolve(Lookup).ToJson());
        Assert.Equal("""{"a":{"y":2,"x":1}}""", first.WithFallback(third).WithFallback(second).Resolve(Lookup).ToJson());
    }

    [Fact]
    public void Three_level_chain_takes_the_first_definition()
    {
        var config = HoconConfig.Parse("a = 1").WithFallback(HoconConfig.Parse("a = 2, b = 2")).WithFallback(HoconConfig.Parse("a = 3, b = 3, c = 3")).Resolve(Lookup);

        Assert.Equal("""{"a":1,"b":2,"c":3}""", config.ToJson());
    }

    public static TheoryData<string, string> EnvironmentCases => new()
    {
        { "key = ${API_KEY}", """{"key":"k-123"}""" },
        { "key = ${?API_KEY}", """{"key":"k-123"}""" },
        { "key = ${?NOT_SET}", "{}" },
        { "key = default\nkey = ${?NOT_SET}", """{"key":"default"}""" },
        { "key = default\nkey = ${?API_KEY}", """{"key":"k-123"}""" },
        { "key = ${?EMPTY}", "{}" },
        { "dir = ${HOME}/data", """{"dir":"/home/trader/data"}""" },
        { "path = ${PATH}\":/opt/bin\"", """{"path":"/usr/bin:/opt/bin"}""" },
        { "PATH = ${PATH}\":/opt/bin\"", """{"PATH":"/usr/bin:/opt/bin"}""" },
        { "HOME = null\nh = ${HOME}", """{"HOME":null,"h":null}""" },
        { "HOME = /tree\nh = ${HOME}", """{"HOME":"/tree","h":"/tree"}""" },
    };

    [Theory]
    [MemberData(nameof(EnvironmentCases))]
    public void Environment_is_consulted_only_for_paths_missing_from_the_tree(string input, string expectedJson)
    {
        Assert.Equal(expectedJson, HoconConfig.Parse(input).Resolve(Lookup).ToJson());
    }

    [Fact]
    public void Environment_values_have_an_environment_origin()
    {
        var config = HoconConfig.Parse("key = ${API_KEY}").Resolve(Lookup);

        Assert.Equal("env:API_KEY", config.Origin("key").ToString());
    }
}
