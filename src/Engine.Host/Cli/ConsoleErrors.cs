using System.CommandLine;
using Engine.Config;

namespace Engine.Host.Cli;

/// <summary>Writes start-up failures for people: one line per problem, each naming file:line and key.</summary>
internal static class ConsoleErrors
{
    public static void Write(ParseResult parse, ConfigException error)
    {
        var stderr = parse.InvocationConfiguration.Error;
        foreach (var line in error.Errors)
        {
            stderr.WriteLine($"config error: {line}");
        }
    }
}
