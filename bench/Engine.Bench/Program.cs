using Engine.Bench;

if (args.Length == 0)
{
    Console.WriteLine("usage: Engine.Bench <suite>... | all");
    Console.WriteLine("suites: " + string.Join(", ", BenchSuites.All.Select(s => s.Name)));
    return 0;
}

var selected = args.Contains("all", StringComparer.OrdinalIgnoreCase)
    ? BenchSuites.All.ToList()
    : BenchSuites.All.Where(s => args.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
var unknown = args.Where(a => !a.Equals("all", StringComparison.OrdinalIgnoreCase)
    && !BenchSuites.All.Any(s => s.Name.Equals(a, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine("unknown suite(s): " + string.Join(", ", unknown) + "; known: " + string.Join(", ", BenchSuites.All.Select(s => s.Name)));
    return 2;
}

var writer = new JsonLineWriter(Console.Out);
var context = new BenchContext(Rounds: 7, Progress: Console.Error);
foreach (var suite in selected)
{
    await foreach (var result in suite.RunAsync(context, CancellationToken.None))
    {
        writer.Write(result);
    }
}

return 0;
