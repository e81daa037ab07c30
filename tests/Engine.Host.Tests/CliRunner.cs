using Engine.Host.Cli;

namespace Engine.Host.Tests;

/// <summary>Runs the engine CLI in-process, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await EngineCli.Create().Parse(args).InvokeAsync(EngineCli.Invocation(output, error));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs <c>check-config</c> on <paramref name="content"/> saved as <c>bad.conf</c>, asserts it fails with exit code 2
    /// and an error naming the file, and returns the error output.
    /// </summary>
    public static async Task<string> CheckBadConfigAsync(string content)
    {
        using var dir = new TempDir();
        var file = dir.File("bad.conf", content);

        var (code, _, error) = await RunAsync("check-config", "--config", file);

        Assert.Equal(2, code);
        Assert.Contains("bad.conf", error, StringComparison.Ordinal);
        return error;
    }

    /// <summary>The repository root (the folder holding Engine.sln).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Engine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Engine.sln not found above " + AppContext.BaseDirectory);
    }
}
