using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// Runs shutdown phases strictly one after another. Each phase is bounded by its timeout; a phase that times out or
/// throws is logged and the next one runs anyway, so a stuck actor can never keep the journal from being flushed.
/// Every phase's start and end is logged with its duration.
/// </summary>
public static class ShutdownSequence
{
    /// <summary>Runs <paramref name="phases"/> in order and returns each one's outcome, in the same order.</summary>
    public static async Task<IReadOnlyList<ShutdownPhaseOutcome>> RunAsync(IReadOnlyList<ShutdownPhase> phases, ILogger logger, TimeProvider timeProvider)
    {
        var outcomes = new List<ShutdownPhaseOutcome>(phases.Count);
        for (var i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            logger.PhaseStarting(i + 1, phases.Count, phase.Name, phase.Timeout);
            var started = timeProvider.GetTimestamp();
            using var deadline = new CancellationTokenSource(phase.Timeout, timeProvider);
            var outcome = await RunOneAsync(phase, deadline, logger);
            outcomes.Add(outcome);
            var took = timeProvider.GetElapsedTime(started);
            if (outcome == ShutdownPhaseOutcome.Completed)
            {
                logger.PhaseCompleted(phase.Name, took.TotalMilliseconds);
            }
        }

        return outcomes;
    }

    private static async Task<ShutdownPhaseOutcome> RunOneAsync(ShutdownPhase phase, CancellationTokenSource deadline, ILogger logger)
    {
        Task work;
        try
        {
            work = phase.Run(deadline.Token);
        }
        catch (Exception ex)
        {
            logger.PhaseFailed(ex, phase.Name);
            return ShutdownPhaseOutcome.Failed;
        }

        var timeout = Task.Delay(Timeout.InfiniteTimeSpan, deadline.Token);
        var first = await Task.WhenAny(work, timeout);
        if (first != work)
        {
            logger.PhaseTimedOut(phase.Name, phase.Timeout);
            _ = work.ContinueWith(t => t.Exception, TaskScheduler.Default);
            return ShutdownPhaseOutcome.TimedOut;
        }

        try
        {
            await work;
            return ShutdownPhaseOutcome.Completed;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            logger.PhaseTimedOut(phase.Name, phase.Timeout);
            return ShutdownPhaseOutcome.TimedOut;
        }
        catch (Exception ex)
        {
            logger.PhaseFailed(ex, phase.Name);
            return ShutdownPhaseOutcome.Failed;
        }
    }
}
