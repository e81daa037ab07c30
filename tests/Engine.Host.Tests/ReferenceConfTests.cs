using Engine.Host.Configuration;
using Engine.Config;
using Engine.Persistence.Journal;
using Engine.Persistence.Snapshots;

namespace Engine.Host.Tests;

public class ReferenceConfTests
{
    [Fact]
    public void The_documented_defaults_are_the_code_defaults()
    {
        using var dir = new TempDir();
        var options = EngineConfiguration.Load(dir.File("empty.conf", "engine {}\n")).Options;

        Assert.Equal(new KernelOptions(), options.Kernel);
        Assert.Equal(new JournalOptions(), options.Journal);
        Assert.Equal(new SnapshotStoreOptions(), options.SnapshotStore);
        Assert.Equal(new LoggingOptions(), options.Logging);
        Assert.Equal(new RunOptions(), options.Run);
        Assert.Empty(options.Logins);
        Assert.Empty(options.Strategies);
    }
}
