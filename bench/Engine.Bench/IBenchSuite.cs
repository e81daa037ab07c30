namespace Engine.Bench;

/// <summary>A named group of cases; each case yields one result line.</summary>
public interface IBenchSuite
{
    /// <summary>The name chosen on the command line (e.g. <c>actors</c>).</summary>
    string Name { get; }

    /// <summary>Runs every case, yielding each result as soon as it is measured.</summary>
    IAsyncEnumerable<BenchResult> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
