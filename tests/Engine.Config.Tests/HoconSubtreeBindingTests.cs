using Engine.Config;

namespace Engine.Config.Tests;

/// <summary>A <see cref="HoconConfig"/> property keeps a raw sub-tree (a plugin's parameters) for its owner to bind.</summary>
public class HoconSubtreeBindingTests
{
    public sealed record PluginOptions
    {
        public string Name { get; init; } = string.Empty;

        public HoconConfig Parameters { get; init; } = HoconConfig.Empty;
    }

    public sealed record MakerParameters
    {
        public decimal SpreadBps { get; init; } = 10m;

        public int Levels { get; init; } = 1;
    }

    [Fact]
    public void Sub_tree_is_kept_and_binds_later_with_its_origin()
    {
        var config = HoconConfig.Parse("plugin { name = mm\nparameters {\n spread-bps = 25\n levles = 2\n} }", "s.conf").Resolve(_ => null);

        var plugin = config.Bind<PluginOptions>("plugin");

        Assert.Equal("mm", plugin.Name);
        Assert.Equal(25m, plugin.Parameters.GetDecimal("spread-bps"));
        var error = Assert.Throws<ConfigException>(() => plugin.Parameters.Bind<MakerParameters>(string.Empty));
        Assert.Equal("s.conf:4: levles: unknown key; expected one of: spread-bps, levels", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void Sub_tree_must_be_an_object()
    {
        var config = HoconConfig.Parse("plugin { parameters = 3 }", "s.conf").Resolve(_ => null);

        var error = Assert.Throws<ConfigException>(() => config.Bind<PluginOptions>("plugin"));
        Assert.Equal("s.conf:1: plugin.parameters: expected an object, got 3", Assert.Single(error.Errors).ToString());
    }
}
