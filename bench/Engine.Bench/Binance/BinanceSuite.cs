namespace Engine.Bench.Binance;

/// <summary>
/// TEMPORARY suite <c>binance</c>: runs <see cref="BinanceRoundTripBench"/> on its own until the <c>orders</c> suite
/// lands; the integrator moves the call into the <c>orders</c> suite and deletes this type and its line in
/// <see cref="BenchSuites"/>.
/// </summary>
public sealed class BinanceSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "binance";

    /// <inheritdoc />
    public IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, CancellationToken cancellationToken) =>
        BinanceRoundTripBench.RunAsync(context, cancellationToken);
}
