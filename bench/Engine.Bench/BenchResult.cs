namespace Engine.Bench;

/// <summary>
/// One measured case. <see cref="Ratio"/> always reads "higher is better": value / baseline for throughput units,
/// baseline / value when <paramref name="LowerIsBetter"/> (latencies); cases without a raw baseline leave both null.
/// <paramref name="Expected"/> is the value a correctness case must have (the soak's counts: 0); null for measurements.
/// </summary>
public sealed record BenchResult(string Name, string Unit, double Value, double? Baseline = null, bool LowerIsBetter = false, double? Expected = null)
{
    public double? Ratio => Baseline is > 0 && Value > 0 ? (LowerIsBetter ? Baseline / Value : Value / Baseline) : null;
}
