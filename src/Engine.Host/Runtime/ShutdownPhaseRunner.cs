using Microsoft.Extensions.Logging;

namespace Engine.Host.Runtime;

/// <summary>
/// Runs one shutdown phase bounded by its timeout. A phase that times out or throws is logged and reported, never
/// rethrown, so the phases after it run anyway: a stuck actor can never keep the journal from being flushed. Every
/// phase's start and end is logged with its duration. Thread-safe (stateless).
/// </summary>
public static class ShutdownPhaseRunner
{
    /// <summary>Runs <paramref name="phase"/>, the <paramref name="number"/>th of <paramref name="count"/>, and returns how it ended.</summary>
    public static async Task<ShutdownPhaseOutcome> RunAsync(ShutdownPhase phase, int number, int count, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(phase);
        logger.PhaseStarting(number, count, phase.Name, phase.Timeout);
        var started = timeProvider.GetTimestamp();
        using var deadline = new CancellationTokenSource(phase.Timeout, timeProvider);
        var outcome = await RunBoundedAsync(phase, deadline, logger);
        if (outcome == ShutdownPhaseOutcome.Completed)
        {
            logger.PhaseCompleted(phase.Name, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }

        return outcome;
    }

    private static async Task<ShutdownPhaseOutcome> RunBoundedAsync(ShutdownPhase phase, CancellationTokenSource deadline, ILogger logger)
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
