using System.Runtime.Loader;
using Akka.Actor;
using Akka.Pattern;
using Akka.TestKit;
using Engine.Actors.Strategies;
using Engine.Config;
using Engine.Messages.Orders;
using Engine.Strategies.Samples;
using Engine.TestKit;

namespace Engine.Actors.Tests.Strategies;

/// <summary>The strategy host: plugin loading, failure isolation with backoff, errors for people, shutdown.</summary>
public sealed class StrategyHostTests : EngineTestKit
{
    private static readonly string TestAssembly = typeof(EchoStrategy).Assembly.GetName().Name!;
    private readonly TestProbe _connections;
    private readonly TestProbe _events;
    private readonly string _plugins;

    public StrategyHostTests()
    {
        _connections = CreateTestProbe("connections");
        _events = CreateTestProbe("events");
        Sys.EventStream.Subscribe(_events.Ref, typeof(StrategyLoaded));
        Sys.EventStream.Subscribe(_events.Ref, typeof(StrategyLoadFailed));
        Sys.EventStream.Subscribe(_events.Ref, typeof(StrategyGaveUp));
        Sys.EventStream.Subscribe(_events.Ref, typeof(StrategyFinished));
        _plugins = Path.Combine(Path.GetTempPath(), "engine-plugins-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_plugins);
    }

    private static StrategyHostOptions Backoff => new()
    {
        MinBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(10),
        RandomFactor = 0,
        MaxRestarts = 2,
        RestartWindow = TimeSpan.FromMinutes(1),
    };

    [Fact]
    public void Loads_a_strategy_from_an_assembly_file_in_the_plugins_folder_in_its_own_load_context()
    {
        var source = typeof(MarketMaker).Assembly.Location;
        var copy = Path.Combine(_plugins, Path.GetFileName(source));
        File.Copy(source, copy);
        var maker = Strategy("maker", typeof(MarketMaker).FullName!, "Engine.Strategies.Samples.dll") with
        {
            Parameters = Parse("symbol = \"BTC/USDT\"\ninitial-mid = 100\norder-size = 1\nmax-long = 1\nmax-short = 1\n"),
        };

        StartHost(maker);

        var loaded = _events.ExpectMsg<StrategyLoaded>();
        Assert.Equal(("maker", typeof(MarketMaker).FullName, copy), (loaded.Name, loaded.Type, loaded.Source));
        var query = _connections.ExpectMsg<QuerySymbolInfo>();
        Assert.Equal("login-a", query.Login.Value);
        var context = Assert.Single(AssemblyLoadContext.All, c => c.Assemblies.Any(a => a.Location == copy));
        Assert.NotSame(AssemblyLoadContext.Default, context);
        Assert.NotEqual(typeof(MarketMaker), context.Assemblies.Single().GetType(typeof(MarketMaker).FullName!));
    }

    [Fact]
    public void Loads_a_strategy_from_an_already_loaded_assembly_by_name()
    {
        StartHost(Strategy("echo", typeof(EchoStrategy).FullName!, TestAssembly));

        Assert.Equal($"{TestAssembly} (loaded)", _events.ExpectMsg<StrategyLoaded>().Source);
        var started = _connections.ExpectMsg<EchoStrategy.Started>();
        started.Ref.Tell("hello");
        Assert.Equal(new EchoStrategy.Echo("echo", "hello"), _connections.ExpectMsg<EchoStrategy.Echo>());
    }

    [Fact]
    public async Task A_throwing_strategy_is_restarted_with_backoff_and_given_up_after_repeated_failures_while_others_keep_running()
    {
        var host = StartHost(
            Strategy("flaky", typeof(EchoStrategy).FullName!, TestAssembly),
            Strategy("steady", typeof(EchoStrategy).FullName!, TestAssembly));
        var refs = StartedRefs(2);

        var expectedDelays = new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) };
        foreach (var delay in expectedDelays)
        {
            refs["flaky"].Tell("boom");
            Assert.Equal(new EchoStrategy.Stopped("flaky"), _connections.ExpectMsg<EchoStrategy.Stopped>());
            await AwaitAbsent(host, "flaky");
            Advance(delay - TimeSpan.FromMilliseconds(1));
            _connections.ExpectNoMsg();
            Advance(TimeSpan.FromMilliseconds(1));
            var restarted = _connections.ExpectMsg<EchoStrategy.Started>();
            Assert.Equal("flaky", restarted.Name);
            refs["flaky"] = restarted.Ref;
        }

        refs["flaky"].Tell("boom");
        _connections.ExpectMsg<EchoStrategy.Stopped>();

        var gaveUp = _events.FishForMessage<StrategyGaveUp>(_ => true);
        Assert.Equal("flaky", gaveUp.Name);
        Assert.Contains("failed again after 2 restart(s) with backoff", gaveUp.Reason, StringComparison.Ordinal);
        Advance(TimeSpan.FromMinutes(5));
        _connections.ExpectNoMsg();
        refs["steady"].Tell("still there?");
        Assert.Equal(new EchoStrategy.Echo("steady", "still there?"), _connections.ExpectMsg<EchoStrategy.Echo>());
        Assert.Equal(["steady"], (await host.Ask<RunningStrategies>(GetRunningStrategies.Instance)).Names);
    }

    [Fact]
    public async Task An_incarnation_that_survives_the_restart_window_resets_the_failure_count()
    {
        var host = StartHost(Strategy("flaky", typeof(EchoStrategy).FullName!, TestAssembly));
        var current = StartedRefs(1)["flaky"];

        for (var i = 0; i < 4; i++)
        {
            current.Tell("boom");
            _connections.ExpectMsg<EchoStrategy.Stopped>();
            await AwaitAbsent(host, "flaky");
            Advance(TimeSpan.FromSeconds(1));
            current = _connections.ExpectMsg<EchoStrategy.Started>().Ref;
            Advance(TimeSpan.FromMinutes(1));
            await AwaitRestartCount(host, "flaky", 0);
        }

        _events.ExpectMsg<StrategyLoaded>();
        _events.ExpectNoMsg();
        Assert.Equal(["flaky"], (await host.Ask<RunningStrategies>(GetRunningStrategies.Instance)).Names);
    }

    [Theory]
    [InlineData("Engine.Actors.Tests.Strategies.Missing", null, "type 'Engine.Actors.Tests.Strategies.Missing' not found in Engine.Actors.Tests (loaded); strategy types there: ")]
    [InlineData("Engine.Actors.Tests.Strategies.NotAStrategy", null, "type 'Engine.Actors.Tests.Strategies.NotAStrategy' is not a concrete subclass of Engine.Actors.Strategies.StrategyActor")]
    [InlineData("Engine.Actors.Tests.Strategies.NoContextConstructorStrategy", null, "has no public constructor taking a StrategyContext")]
    [InlineData("Engine.Actors.Tests.Strategies.EchoStrategy", "No.Such.Assembly", "assembly 'No.Such.Assembly' is neither loaded nor loadable by name")]
    [InlineData("Engine.Actors.Tests.Strategies.EchoStrategy", "missing.dll", "missing.dll' not found (plugins folder")]
    public void A_strategy_that_cannot_be_resolved_is_reported_and_the_others_still_start(string type, string? assembly, string expected)
    {
        StartHost(
            Strategy("broken", type, assembly ?? TestAssembly),
            Strategy("fine", typeof(EchoStrategy).FullName!, TestAssembly));

        var failed = _events.ExpectMsg<StrategyLoadFailed>();
        Assert.Equal("broken", failed.Name);
        Assert.StartsWith("strategy 'broken': ", failed.Reason, StringComparison.Ordinal);
        Assert.Contains(expected, failed.Reason, StringComparison.Ordinal);
        Assert.Equal("fine", _events.ExpectMsg<StrategyLoaded>().Name);
        Assert.Equal("fine", _connections.ExpectMsg<EchoStrategy.Started>().Name);
    }

    [Fact]
    public void Parameters_that_do_not_bind_are_reported_with_file_line_and_key_and_the_strategy_is_not_started()
    {
        StartHost(
            Strategy("params", typeof(ParameterizedStrategy).FullName!, TestAssembly) with { Parameters = Parse("levels = 2\nlevles = 3\n") },
            Strategy("good", typeof(ParameterizedStrategy).FullName!, TestAssembly) with { Parameters = Parse("levels = 4\n") });

        var failed = _events.ExpectMsg<StrategyLoadFailed>();
        Assert.Equal(
            "strategy 'params': parameters do not bind to Options: params.conf:2: levles: unknown key; expected one of: levels, spread-bps",
            failed.Reason);
        Assert.Equal("good", _events.ExpectMsg<StrategyLoaded>().Name);
        Assert.Equal(4, _connections.ExpectMsg<ParameterizedStrategy.Options>().Levels);
        _connections.ExpectNoMsg();
    }

    [Fact]
    public void Duplicate_names_missing_logins_and_disabled_strategies_are_not_started()
    {
        StartHost(
            Strategy("twin", typeof(EchoStrategy).FullName!, TestAssembly),
            Strategy("twin", typeof(EchoStrategy).FullName!, TestAssembly),
            Strategy("lonely", typeof(EchoStrategy).FullName!, TestAssembly) with { Logins = [] },
            Strategy("off", typeof(EchoStrategy).FullName!, TestAssembly) with { Enabled = false });

        Assert.Equal("twin", _events.ExpectMsg<StrategyLoaded>().Name);
        Assert.Contains("the name is already used by another strategy", _events.ExpectMsg<StrategyLoadFailed>().Reason, StringComparison.Ordinal);
        Assert.Contains("expected at least one login", _events.ExpectMsg<StrategyLoadFailed>().Reason, StringComparison.Ordinal);
        _events.ExpectNoMsg();
        Assert.Equal("twin", _connections.ExpectMsg<EchoStrategy.Started>().Name);
        _connections.ExpectNoMsg();
    }

    [Fact]
    public void Stop_strategies_stops_every_strategy_runs_their_stop_hooks_replies_and_restarts_none()
    {
        var host = StartHost(
            Strategy("a", typeof(EchoStrategy).FullName!, TestAssembly),
            Strategy("b", typeof(EchoStrategy).FullName!, TestAssembly));
        StartedRefs(2);

        host.Tell(StopStrategies.Instance, TestActor);

        var stopped = new[] { _connections.ExpectMsg<EchoStrategy.Stopped>().Name, _connections.ExpectMsg<EchoStrategy.Stopped>().Name };
        Assert.Equal(["a", "b"], stopped.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "b"], ExpectMsg<StrategiesStopped>().Names);
        Advance(TimeSpan.FromMinutes(5));
        _connections.ExpectNoMsg();
        _events.ExpectMsg<StrategyLoaded>();
        _events.ExpectMsg<StrategyLoaded>();
        _events.ExpectNoMsg();
        host.Tell(StopStrategies.Instance, TestActor);
        Assert.Equal(["a", "b"], ExpectMsg<StrategiesStopped>().Names);
    }

    [Fact]
    public void A_strategy_that_stops_itself_is_reported_as_finished_and_not_restarted()
    {
        var host = StartHost(Strategy("quitter", typeof(EchoStrategy).FullName!, TestAssembly));
        var started = StartedRefs(1)["quitter"];
        _events.ExpectMsg<StrategyLoaded>();

        started.Tell("quit");

        _connections.ExpectMsg<EchoStrategy.Stopped>();
        var finished = _events.ExpectMsg<StrategyFinished>();
        Assert.Equal(("quitter", "told to quit"), (finished.Name, finished.Reason));
        Advance(TimeSpan.FromMinutes(1));
        _connections.ExpectNoMsg();
        host.Tell(GetRunningStrategies.Instance, TestActor);
        Assert.Empty(ExpectMsg<RunningStrategies>().Names);
    }

    [Fact]
    public void Messages_can_be_sent_to_a_strategy_by_name_through_the_host()
    {
        var host = StartHost(Strategy("echo", typeof(EchoStrategy).FullName!, TestAssembly));
        StartedRefs(1);

        host.Tell(new SendToStrategy("echo", "via host"));

        Assert.Equal(new EchoStrategy.Echo("echo", "via host"), _connections.ExpectMsg<EchoStrategy.Echo>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Delete(_plugins, recursive: true);
        }
    }

    private static StrategyOptions Strategy(string name, string type, string assembly) => new()
    {
        Name = name,
        Type = type,
        Assembly = assembly,
        Logins = ["login-a"],
        Parameters = HoconConfig.Empty,
    };

    private static HoconConfig Parse(string text) => HoconConfig.Parse(text, "params.conf").Resolve(_ => null);

    private IActorRef StartHost(params StrategyOptions[] strategies) =>
        Sys.ActorOf(StrategyHost.Props(new StrategyHostSettings(strategies, _connections.Ref, Backoff with { PluginsFolder = _plugins })), "strategies");

    private Dictionary<string, IActorRef> StartedRefs(int count) =>
        _connections.ReceiveN(count).Cast<EchoStrategy.Started>().ToDictionary(s => s.Name, s => s.Ref);

    private static async Task AwaitAbsent(IActorRef host, string name)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while ((await host.Ask<BackoffSupervisor.CurrentChild>(new SendToStrategy(name, BackoffSupervisor.GetCurrentChild.Instance), cancellationToken: limit.Token)).Ref is not null)
        {
            await Task.Yield();
        }
    }

    private static async Task AwaitRestartCount(IActorRef host, string name, int expected)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while ((await host.Ask<BackoffSupervisor.RestartCount>(new SendToStrategy(name, BackoffSupervisor.GetRestartCount.Instance), cancellationToken: limit.Token)).Count != expected)
        {
            await Task.Yield();
        }
    }
}
