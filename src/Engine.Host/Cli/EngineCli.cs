using System.CommandLine;

namespace Engine.Host.Cli;

/// <summary>The command tree of the <c>engine</c> executable.</summary>
internal static class EngineCli
{
    public static RootCommand Create()
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Configuration file (HOCON), layered over the built-in reference.conf. Default: hocon/engine.conf.",
        };

        var root = new RootCommand("Engine: an actor-based, event-driven trading engine.");
        root.Subcommands.Add(CheckConfigCommand.Create(config));
        root.Subcommands.Add(SimulateCommand.Create(config));
        return root;
    }
}
