namespace Engine.Bench;

/// <summary>Run settings shared by all suites: how many measured rounds per case, and where progress notes go (stderr).</summary>
public sealed record BenchContext(int Rounds, TextWriter Progress);
