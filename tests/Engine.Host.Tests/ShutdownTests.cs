using System.Collections.Concurrent;
using Akka.Actor;
using Engine.Actors.Supervision;
using Engine.Host.Configuration;
using Engine.Host.Runtime;
using Engine.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Host.Tests;

/// <summary>
/// The stop phases of <c>engine run</c> as registered with a real actor system's <see cref="CoordinatedShutdown"/>:
/// Akka runs them in its phase order, each bounded and logged by <see cref="ShutdownPhaseRunner"/>.
/// </summary>
public class ShutdownTests() : EngineTestKit(new EngineTestKitOptions { RealTimeScheduler = true })
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<string> _log = new();
    private readonly RecordingLogger _logger = new();

    [Fact]
    public async Task Phases_run_in_order_strategies_connections_actors_journal_simulators()
    {
        var probe = CreateTestProbe("children");
        var engine = Sys.ActorOf(EngineSupervisor.Props(new EngineSupervisorSettings(
            () => RecordingChild.Props("connections", probe.Ref),
            _ => RecordingChild.Props("strategies", probe.Ref))), EngineSupervisor.Name);
        var status = Sys.ActorOf(RecordingChild.Props("status", probe.Ref), "status");
        var started = new[] { probe.ExpectMsg<string>(), probe.ExpectMsg<string>(), probe.ExpectMsg<string>() };
        Assert.Equal(["connections started", "status started", "strategies started"], started.Order(StringComparer.Ordinal));
        var journal = Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null);
        var snapshots = Akka.Persistence.Persistence.Instance.Apply(Sys).SnapshotStoreFor(null);
        var timeouts = new ShutdownTimeouts();
        var phases = EngineStopPlan.Build(
            Sys,
            engine,
            [status],
            () => true,
            async (strategies, timeout, ct) =>
            {
                await strategies.Ask<object>("stop strategies", timeout, ct);
                _log.Enqueue("strategies stopped");
            },
            async (connections, cancel, timeout, ct) =>
            {
                await connections.Ask<object>($"drain, cancel working orders: {cancel}", timeout, ct);
                _log.Enqueue($"connections drained (cancel {cancel})");
            },
            cancelWorkingOrders: true,
            timeouts,
            new Recorder(() => $"simulators stopped (engine, status, journal and snapshot store stopped before: {Stopped(engine, status, journal, snapshots)})", _log));
        EngineStopPlan.Register(CoordinatedShutdown.Get(Sys), phases, _logger, TimeProvider.System);

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Wait);

        Assert.Equal(EngineStopPlan.PhaseNames, phases.Select(p => p.Name));
        Assert.Equal(
            [timeouts.StopStrategies, timeouts.DrainConnections, timeouts.TerminateActors, timeouts.FlushJournal, timeouts.StopSimulators],
            phases.Select(p => p.Timeout));
        Assert.Equal(
            ["strategies stopped", "connections drained (cancel True)", "simulators stopped (engine, status, journal and snapshot store stopped before: True)"],
            _log.ToArray());
        Assert.Equal("strategies: stop strategies", probe.ExpectMsg<string>());
        Assert.Equal("connections: drain, cancel working orders: True", probe.ExpectMsg<string>());
        Assert.Equal(
            EngineStopPlan.PhaseNames.SelectMany((name, i) => new[]
            {
                $"Information: Shutdown phase {i + 1}/5: {name} (at most {phases[i].Timeout})",
                $"Information: Shutdown phase {name} completed in",
            }),
            _logger.Entries.Select(e => e.Contains(" completed in ", StringComparison.Ordinal) ? e[..(e.IndexOf(" completed in ", StringComparison.Ordinal) + 13)] : e));
        Assert.True(Sys.WhenTerminated.IsCompleted, "the coordinated shutdown terminated the actor system");
    }

    [Fact]
    public async Task When_the_engine_already_died_the_first_two_phases_have_nothing_to_do()
    {
        var engine = Sys.ActorOf(EngineSupervisor.Props(new EngineSupervisorSettings(
            () => RecordingChild.Props("connections", TestActor),
            _ => RecordingChild.Props("strategies", TestActor))), EngineSupervisor.Name);
        ExpectMsgAllOf(["connections started", "strategies started"]);
        var phases = EngineStopPlan.Build(
            Sys,
            engine,
            [],
            () => false,
            (_, _, _) => throw new InvalidOperationException("strategies asked to stop"),
            (_, _, _, _) => throw new InvalidOperationException("connections asked to drain"),
            cancelWorkingOrders: true,
            new ShutdownTimeouts(),
            new Recorder(() => "simulators stopped", _log));
        EngineStopPlan.Register(CoordinatedShutdown.Get(Sys), phases, _logger, TimeProvider.System);

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Wait);

        Assert.Equal(["simulators stopped"], _log.ToArray());
        Assert.Equal(5, _logger.Entries.Count(e => e.Contains(" completed in ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_phase_that_overruns_or_throws_is_logged_and_does_not_stop_the_next_ones()
    {
        var never = new TaskCompletionSource();
        ShutdownPhase[] phases =
        [
            new("stuck", TimeSpan.FromMilliseconds(50), _ => never.Task),
            new("broken", TimeSpan.FromSeconds(30), _ => throw new InvalidOperationException("boom")),
            new("faulted", TimeSpan.FromSeconds(30), _ => Task.FromException(new InvalidOperationException("boom"))),
            new("flush", TimeSpan.FromSeconds(30), _ =>
            {
                _log.Enqueue("flushed");
                return Task.CompletedTask;
            }),
            new("simulators", TimeSpan.FromSeconds(30), _ =>
            {
                _log.Enqueue("simulators stopped");
                return Task.CompletedTask;
            }),
        ];
        EngineStopPlan.Register(CoordinatedShutdown.Get(Sys), phases, _logger, TimeProvider.System);

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Wait);

        Assert.Equal(["flushed", "simulators stopped"], _log.ToArray());
        var entries = _logger.Entries;
        Assert.Contains("Warning: Shutdown phase stuck did not finish within 00:00:00.0500000; going on", entries);
        Assert.Contains("Error: Shutdown phase broken failed; going on", entries);
        Assert.Contains("Error: Shutdown phase faulted failed; going on", entries);
        Assert.Contains(entries, e => e.StartsWith("Information: Shutdown phase flush completed in", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("Information: Shutdown phase simulators completed in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_runner_reports_how_each_phase_ended()
    {
        var never = new TaskCompletionSource();
        ShutdownPhase[] phases =
        [
            new("stuck", TimeSpan.FromMilliseconds(50), _ => never.Task),
            new("canceled at the deadline", TimeSpan.FromMilliseconds(50), ct => Task.Delay(Timeout.InfiniteTimeSpan, ct)),
            new("broken", TimeSpan.FromSeconds(30), _ => throw new InvalidOperationException("boom")),
            new("faulted", TimeSpan.FromSeconds(30), _ => Task.FromException(new InvalidOperationException("boom"))),
            new("flush", TimeSpan.FromSeconds(30), _ => Task.CompletedTask),
        ];

        var outcomes = new List<ShutdownPhaseOutcome>();
        foreach (var (phase, i) in phases.Select((p, i) => (p, i)))
        {
            outcomes.Add(await ShutdownPhaseRunner.RunAsync(phase, i + 1, phases.Length, NullLogger.Instance, TimeProvider.System));
        }

        Assert.Equal(
            [ShutdownPhaseOutcome.TimedOut, ShutdownPhaseOutcome.TimedOut, ShutdownPhaseOutcome.Failed, ShutdownPhaseOutcome.Failed, ShutdownPhaseOutcome.Completed],
            outcomes);
    }

    [Fact]
    public async Task Akka_runs_the_phases_in_its_own_order_each_bounded_one_second_beyond_the_engines_timeout()
    {
        using var dir = new TempDir();
        var loaded = EngineConfiguration.Load(dir.File("engine.conf", """
            engine.run.shutdown {
              stop-strategies = 2s
              drain-connections = 3s
              terminate-actors = 4s
              flush-journal = 5s
              stop-simulators = 6s
            }
            """));
        var system = ActorSystem.Create("phases", AkkaConfiguration.Build(loaded));
        var ran = new ConcurrentQueue<string>();
        var shutdown = CoordinatedShutdown.Get(system);
        foreach (var phase in EngineStopPlan.AkkaPhases.Reverse())
        {
            shutdown.AddTask(phase, "record", () =>
            {
                ran.Enqueue(phase);
                return Task.FromResult(Akka.Done.Instance);
            });
        }

        Assert.Equal(
            [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(7)],
            EngineStopPlan.AkkaPhases.Select(shutdown.Timeout));

        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Wait);

        Assert.Equal(EngineStopPlan.AkkaPhases, ran.ToArray());
        Assert.Equal(EngineStopPlan.PhaseNames.Count, EngineStopPlan.AkkaPhases.Distinct().Count());
        await system.WhenTerminated.WaitAsync(Wait);
    }

    // Read at the start of the last phase, so the test sees what had stopped before it, not what stops later.
#pragma warning disable CS0618 // IsTerminated is what must be observed here; watching would only report it later.
    private static bool Stopped(params IActorRef[] actors) => actors.All(a => ((IInternalActorRef)a).IsTerminated);
#pragma warning restore CS0618

    private sealed class Recorder(Func<string> entry, ConcurrentQueue<string> log) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            log.Enqueue(entry());
            return ValueTask.CompletedTask;
        }
    }
}
