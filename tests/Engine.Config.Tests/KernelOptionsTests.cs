using Engine.Config;

namespace Engine.Config.Tests;

/// <summary><see cref="KernelOptions"/> against the shipped <c>hocon/reference.conf</c>.</summary>
public class KernelOptionsTests
{
    private static string ReferenceConf()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "hocon", "reference.conf");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("hocon/reference.conf not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Reference_conf_binds_to_the_record_defaults()
    {
        var config = HoconConfig.Load(ReferenceConf()).Resolve(_ => null);

        var options = config.Bind<KernelOptions>(KernelOptions.Section);

        Assert.Equal(new KernelOptions(), options);
        Assert.Equal(30, options.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AskTimeout);
    }

    [Fact]
    public void Application_config_overrides_reference()
    {
        var reference = HoconConfig.Load(ReferenceConf());
        var app = HoconConfig.Parse("engine.kernel { throughput = 100, ask-timeout = 250ms }", "engine.conf");

        var options = app.WithFallback(reference).Resolve(_ => null).Bind<KernelOptions>(KernelOptions.Section);

        Assert.Equal(new KernelOptions { Throughput = 100, AskTimeout = TimeSpan.FromMilliseconds(250) }, options);
    }

    [Theory]
    [InlineData("engine.kernel.throughput = 0", "engine.conf:1: engine.kernel.throughput: expected an integer between 1 and 10000, got 0")]
    [InlineData("engine.kernel.throughput = 10001", "engine.conf:1: engine.kernel.throughput: expected an integer between 1 and 10000, got 10001")]
    [InlineData("engine.kernel.ask-timeout = -1s", "engine.conf:1: engine.kernel: ask-timeout must be positive, got -00:00:01")]
    [InlineData("engine.kernel.ask-timout = 1s", "engine.conf:1: engine.kernel.ask-timout: unknown key; expected one of: throughput, ask-timeout")]
    public void Bad_kernel_settings_fail_with_file_line_and_key(string text, string expected)
    {
        var reference = HoconConfig.Load(ReferenceConf());
        var app = HoconConfig.Parse(text, "engine.conf");

        var error = Assert.Throws<ConfigException>(() => app.WithFallback(reference).Resolve(_ => null).Bind<KernelOptions>(KernelOptions.Section));

        Assert.Equal(expected, error.Message);
    }
}
