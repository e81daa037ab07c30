using Engine.Messages.Risk;

namespace Engine.Actors.Risk;

/// <summary>
/// When each scope last let orders through, to count them within a sliding window. Only orders the risk rules let
/// through are recorded, so a strategy refused for its rate is not kept refused by its own refused orders. Not
/// thread-safe: owned by one actor.
/// </summary>
public sealed class OrderRateWindow
{
    private readonly Dictionary<RiskScope, Queue<DateTimeOffset>> _sent = [];

    /// <summary>Orders of <paramref name="scope"/> recorded within <paramref name="window"/> before <paramref name="now"/>.</summary>
    public int Count(RiskScope scope, DateTimeOffset now, TimeSpan window)
    {
        if (!_sent.TryGetValue(scope, out var times))
        {
            return 0;
        }

        var cutoff = now - window;
        while (times.TryPeek(out var oldest) && oldest <= cutoff)
        {
            times.Dequeue();
        }

        return times.Count;
    }

    /// <summary>Records one order of <paramref name="scope"/> at <paramref name="now"/>.</summary>
    public void Record(RiskScope scope, DateTimeOffset now)
    {
        if (!_sent.TryGetValue(scope, out var times))
        {
            _sent[scope] = times = new Queue<DateTimeOffset>();
        }

        times.Enqueue(now);
    }
}
