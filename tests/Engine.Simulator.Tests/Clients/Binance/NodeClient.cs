using System.Diagnostics;
using Xunit.Abstractions;

namespace Engine.Simulator.Tests.Clients.Binance;

/// <summary>Runs one script of <c>tests/clients/</c> with node against a simulator and returns its stdout lines.</summary>
internal static class NodeClient
{
    /// <summary>The <c>node</c> executable found on the PATH, or null.</summary>
    public static string? Node =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);

    /// <summary>The folder named by <paramref name="homeVariable"/> when it holds <c>node_modules/<paramref name="package"/></c>; null otherwise.</summary>
    public static string? Home(string homeVariable, string package) =>
        Environment.GetEnvironmentVariable(homeVariable) is { Length: > 0 } home
        && Directory.Exists(Path.Combine([home, "node_modules", .. package.Split('/')])) ? home : null;

    /// <summary>
    /// Runs <c>tests/clients/<paramref name="folder"/>/<paramref name="script"/></c> with <paramref name="environment"/>,
    /// writes its output to <paramref name="output"/>, asserts it exited 0 and returns its stdout lines.
    /// </summary>
    public static async Task<List<string>> RunAsync(string folder, string script, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output)
    {
        var path = Path.Combine(RepoRoot(), "tests", "clients", folder, script);
        var start = new ProcessStartInfo(Node!, [path]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var finished = true;
        using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                finished = false;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        lines.ForEach(output.WriteLine);
        output.WriteLine(await stderr);
        Assert.True(finished, $"{folder}/{script} did not finish within 3 minutes; its last line: {lines.LastOrDefault()}");
        Assert.True(process.ExitCode == 0, $"{folder}/{script} exited {process.ExitCode}: {string.Join(" | ", lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)))}");
        return lines;
    }

    /// <summary>The steps the script printed as passed, by name, with their detail.</summary>
    public static Dictionary<string, string> Passed(IEnumerable<string> lines, IEnumerable<string> steps)
    {
        var passed = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = lines.Where(l => l.StartsWith("ok ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
        foreach (var name in steps)
        {
            var line = ok.FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
            Assert.True(line is not null, $"step '{name}' did not print ok");
            passed[name] = line![(name.Length + 1)..];
        }

        return passed;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "tests", "clients")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("no tests/clients folder above the test binaries");
    }
}
