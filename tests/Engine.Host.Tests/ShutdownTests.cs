using System.Collections.Concurrent;
using Engine.Actors.Supervision;
using Engine.Host.Configuration;
using Engine.Host.Runtime;
using Engine.Kernel.Actors;
using Engine.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Host.Tests;

public class ShutdownTests : TestKitBase
{
    private readonly ConcurrentQueue<string> _log = new();

    [Fact]
    public async Task Phases_run_in_order_strategies_connections_actors_journal_simulators()
    {
        var probe = CreateTestProbe("children");
        var engine = Sys.ActorOf(EngineSupervisor.Props(new EngineSupervisorSettings(
            () => RecordingChild.Props("connections", probe.Ref),
            _ => RecordingChild.Props("strategies", probe.Ref))), EngineSupervisor.Name);
        probe.ExpectMsg<string>("connections started");
        probe.ExpectMsg<string>("strategies started");
        var phases = EngineStopPlan.Build(
            Sys,
            engine,
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
            new ShutdownTimeouts(),
            new Recorder(() => $"journal flushed (actors terminated: {Sys.WhenTerminated.IsCompleted})", _log),
            new Recorder(() => "simulators stopped", _log));

        var outcomes = await ShutdownSequence.RunAsync(phases, NullLogger.Instance, Time);

        Assert.Equal(EngineStopPlan.PhaseNames, phases.Select(p => p.Name));
        Assert.All(outcomes, o => Assert.Equal(ShutdownPhaseOutcome.Completed, o));
        Assert.Equal(
            ["strategies stopped", "connections drained (cancel True)", "journal flushed (actors terminated: True)", "simulators stopped"],
            _log.ToArray());
        Assert.Equal("strategies: stop strategies", probe.ExpectMsg<string>());
        Assert.Equal("connections: drain, cancel working orders: True", probe.ExpectMsg<string>());
    }

    [Fact]
    public async Task A_phase_that_overruns_or_throws_does_not_stop_the_next_ones()
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
        ];

        var outcomes = await ShutdownSequence.RunAsync(phases, NullLogger.Instance, TimeProvider.System);

        Assert.Equal([ShutdownPhaseOutcome.TimedOut, ShutdownPhaseOutcome.Failed, ShutdownPhaseOutcome.Failed, ShutdownPhaseOutcome.Completed], outcomes);
        Assert.Equal(["flushed"], _log.ToArray());
    }

    private sealed class Recorder(Func<string> entry, ConcurrentQueue<string> log) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            log.Enqueue(entry());
            return ValueTask.CompletedTask;
        }
    }
}
