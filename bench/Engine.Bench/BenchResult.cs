namespace Engine.Bench;

/// <summary>
/// One measured case. <see cref="Ratio"/> is value / baseline, so it reads "higher is better" for throughput units;
/// cases without a raw baseline leave both null.
/// </summary>
public sealed record BenchResult(string Name, string Unit, double Value, double? Baseline = null)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline : null;
}
