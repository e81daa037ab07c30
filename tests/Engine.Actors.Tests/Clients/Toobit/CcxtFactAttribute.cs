namespace Engine.Actors.Tests.Clients.Toobit;

/// <summary>A fact that runs only when <c>CCXT_HOME</c> names a folder with ccxt installed and <c>node</c> is on the PATH.</summary>
public sealed class CcxtFactAttribute : FactAttribute
{
    public CcxtFactAttribute()
    {
        if (Home is null)
        {
            Skip = "ccxt not installed: set CCXT_HOME to a folder where `npm install ccxt` ran (tests/clients/toobit-ccxt/README.md).";
        }
        else if (Node is null)
        {
            Skip = "node is not on the PATH.";
        }
    }

    /// <summary><c>CCXT_HOME</c> when it holds <c>node_modules/ccxt</c>; null otherwise.</summary>
    public static string? Home =>
        Environment.GetEnvironmentVariable("CCXT_HOME") is { Length: > 0 } home && Directory.Exists(Path.Combine(home, "node_modules", "ccxt")) ? home : null;

    /// <summary>The <c>node</c> executable found on the PATH, or null.</summary>
    public static string? Node =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "node.exe" : "node"))
            .FirstOrDefault(File.Exists);
}
