namespace Engine.Actors.Budget;

/// <summary>Sampling the windows' use for the metrics (<see cref="BudgetUsageSampled"/>), at most once per interval.</summary>
public sealed partial class RateBudgetActor
{
    /// <summary>How long after a counted request the windows are sampled, and how often while any is in use.</summary>
    public static readonly TimeSpan UsageSampleInterval = TimeSpan.FromSeconds(1);

    private const string SampleKey = "budget-usage";

    /// <summary>A request was counted (or the venue synced a window): make sure a sample follows.</summary>
    private void UsageChanged()
    {
        if (!Timers.IsTimerActive(SampleKey))
        {
            Timers.StartSingleTimer(SampleKey, SampleUsage.Instance, UsageSampleInterval);
        }
    }

    private void OnSampleUsage()
    {
        var now = Now;
        var usage = _budget.Usage(now);
        if (usage.Count == 0)
        {
            return;
        }

        Context.System.EventStream.Publish(new BudgetUsageSampled(_login, now, [.. usage.Select(u => new BudgetWindowUsage(u.Window.Name, u.Used, u.Window.Limit))]));
        if (usage.Any(u => u.Used > 0))
        {
            Timers.StartSingleTimer(SampleKey, SampleUsage.Instance, UsageSampleInterval);
        }
    }

    /// <summary>Timer message: sample the windows.</summary>
    private sealed record SampleUsage
    {
        public static SampleUsage Instance { get; } = new();
    }
}
