using Akka.Actor;
using Engine.Actors.Supervision;
using Engine.Host.Configuration;
using Engine.Host.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Host.Tests;

public class EngineRuntimeTests
{
    [Fact]
    public async Task When_the_engine_dies_on_its_own_the_run_ends_with_exit_code_1_and_still_flushes()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "engine.db").Replace('\\', '/');
        var config = EngineConfiguration.Load(dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            engine.journal.sqlite.path = "{{db}}"
            engine.snapshot-store.sqlite.path = "{{db}}"
            """));
        var runtime = new EngineRuntime(config, NullLoggerFactory.Instance, TimeProvider.System, _ => new EngineSupervisorSettings(
            () => Props.Create(() => new FailingOnStart()),
            _ => Props.Create(() => new FailingOnStart())));

        var code = await runtime.RunAsync(CancellationToken.None);

        Assert.Equal(1, code);
        Assert.True(File.Exists(db));
    }

    [Fact]
    public async Task A_requested_stop_ends_with_exit_code_0()
    {
        using var dir = new TempDir();
        var db = Path.Combine(dir.Path, "engine.db").Replace('\\', '/');
        var config = EngineConfiguration.Load(dir.File("engine.conf", $$"""
            include "{{Path.Combine(CliRunner.RepoRoot(), "hocon", "engine.conf").Replace('\\', '/')}}"
            engine.journal.sqlite.path = "{{db}}"
            engine.snapshot-store.sqlite.path = "{{db}}"
            """));
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();

        var code = await new EngineRuntime(config, NullLoggerFactory.Instance, TimeProvider.System).RunAsync(stop.Token);

        Assert.Equal(0, code);
    }

    internal sealed class FailingOnStart : ReceiveActor
    {
        public FailingOnStart()
        {
            throw new InvalidOperationException("cannot start");
        }
    }
}
