using System.Globalization;
using System.Text;
using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>The typed getters, origins and sub-configurations of <see cref="HoconConfig"/>.</summary>
public class HoconGetterTests
{
    private static readonly HoconConfig Config = HoconConfig.Parse(
        """
        engine {
          name = "main engine"
          port = 8080
          big = 9000000000
          price = 0.1
          ratio = 1e-3
          on = on
          off = false
          quoted-number = "12"
          nothing = null
          tags = [a, b, 3]
          logins = [
            { id = one }
            { id = two }
          ]
          "dotted.key" = 1
        }
        """,
        "engine.conf").Resolve(_ => null);

    [Fact]
    public void Reads_scalars_with_the_spec_conversions()
    {
        Assert.Equal("main engine", Config.GetString("engine.name"));
        Assert.Equal("8080", Config.GetString("engine.port"));
        Assert.Equal(8080, Config.GetInt("engine.port"));
        Assert.Equal(9_000_000_000, Config.GetLong("engine.big"));
        Assert.Equal(0.1m, Config.GetDecimal("engine.price"));
        Assert.Equal(0.001, Config.GetDouble("engine.ratio"));
        Assert.True(Config.GetBool("engine.on"));
        Assert.False(Config.GetBool("engine.off"));
        Assert.Equal(12, Config.GetInt("engine.quoted-number"));
        Assert.Equal(1, Config.GetInt("engine.\"dotted.key\""));
    }

    [Fact]
    public void Int_out_of_range_is_an_error()
    {
        var error = Assert.Throws<ConfigException>(() => Config.GetInt("engine.big"));

        Assert.Equal("engine.conf:4: engine.big: expected a 32-bit integer, got 9000000000", error.Message);
    }

    [Fact]
    public void Has_path_is_false_for_missing_and_null()
    {
        Assert.True(Config.HasPath("engine.port"));
        Assert.True(Config.HasPath("engine"));
        Assert.False(Config.HasPath("engine.nothing"));
        Assert.False(Config.HasPath("engine.absent"));
        Assert.False(Config.HasPath("engine.port.deeper"));
    }

    [Fact]
    public void Reads_lists_sub_configs_keys_and_origins()
    {
        Assert.Equal(["a", "b", "3"], Config.GetStringList("engine.tags"));
        Assert.Equal(["one", "two"], Config.GetObjectList("engine.logins").Select(c => c.GetString("id")));
        var engine = Config.GetConfig("engine");
        Assert.Equal(8080, engine.GetInt("port"));
        Assert.Equal(["engine"], Config.Keys);
        Assert.Equal(new HoconOrigin("engine.conf", 3), Config.Origin("engine.port"));
        Assert.Equal("engine.conf:14", Config.GetObjectList("engine.logins")[1].Root.Origin.ToString());
    }

    [Fact]
    public void Parses_a_thousand_line_file()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 250; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"section-{i} {{\n  size = {i}KiB\n  name = \"s{i}\" # comment\n}}\n");
        }

        var config = HoconConfig.Parse(text.ToString(), "big.conf").Resolve(_ => null);

        Assert.Equal(250, config.Keys.Count);
        Assert.Equal(249 * 1024, config.GetBytes("section-249.size"));
        Assert.Equal(new HoconOrigin("big.conf", 998), config.Origin("section-249.size"));
    }
}
