using Engine.Config;
using Microsoft.Extensions.Configuration;

namespace Engine.Config.Tests;

/// <summary>The <see cref="IConfiguration"/> view: flattened keys, lists by index, optional files, errors.</summary>
public sealed class HoconConfigurationProviderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Flattens_objects_and_lists_into_colon_keys()
    {
        var path = _dir.Write("engine.conf", "engine { kernel.throughput = 30\n  hosts = [a, b]\n  logins = [{ id = x }]\n  key = ${?API_KEY}\n  nothing = null }");

        var configuration = new ConfigurationBuilder()
            .AddHoconFile(path, environment: name => name == "API_KEY" ? "k" : null)
            .Build();

        Assert.Equal("30", configuration["engine:kernel:throughput"]);
        Assert.Equal("a", configuration["engine:hosts:0"]);
        Assert.Equal("b", configuration["engine:hosts:1"]);
        Assert.Equal("x", configuration["engine:logins:0:id"]);
        Assert.Equal("k", configuration["engine:key"]);
        Assert.Null(configuration["engine:nothing"]);
        Assert.Equal(30, configuration.GetSection("engine:kernel").GetValue<int>("throughput"));
    }

    [Fact]
    public void Optional_missing_file_adds_nothing()
    {
        var configuration = new ConfigurationBuilder()
            .AddHoconFile(Path.Combine(_dir.Path, "absent.conf"), optional: true)
            .Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void Required_missing_file_fails_with_its_name()
    {
        var path = Path.Combine(_dir.Path, "absent.conf");

        var error = Assert.Throws<ConfigException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        Assert.StartsWith($"{path}: file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_fails_with_file_and_line()
    {
        var path = _dir.Write("bad.conf", "a = 1\nb = [");

        var error = Assert.Throws<ConfigException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        Assert.Equal($"{path}:2: missing ']' to close the list opened on line 2", error.Message);
    }
}
