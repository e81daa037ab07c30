namespace Engine.Bench.Persistence;

/// <summary>The event every persistence benchmark writes: small, like an order event.</summary>
public sealed record BenchEvent(long N, string Symbol, decimal Price);
