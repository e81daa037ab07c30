using System.Diagnostics;

namespace Engine.Bench;

/// <summary>Timing helpers: rates over repeated rounds, reported as the median.</summary>
public static class Measure
{
    /// <summary>Runs <paramref name="round"/> once to warm up, then <paramref name="rounds"/> times; returns the median of operations per second.</summary>
    public static async Task<double> MedianRateAsync(int rounds, long operationsPerRound, Func<Task> round)
    {
        ArgumentNullException.ThrowIfNull(round);
        await round();
        var rates = new List<double>(rounds);
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await round();
            rates.Add(operationsPerRound / clock.Elapsed.TotalSeconds);
        }

        rates.Sort();
        return rates[rates.Count / 2];
    }
}
