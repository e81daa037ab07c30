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
