using System.CommandLine;

namespace Engine.Host.Cli;

/// <summary>The command tree of the <c>engine</c> executable.</summary>
internal static class EngineCli
{
    /// <summary>
    /// How long Ctrl+C may take before the process is ended anyway: longer than the sum of the default shutdown phase
    /// timeouts, so a phased stop is never cut short by the command-line library's 2 s default.
    /// </summary>
    public static readonly TimeSpan ProcessTerminationTimeout = TimeSpan.FromMinutes(2);

    public static RootCommand Create()
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = "Configuration file (HOCON), layered over the built-in reference.conf. Default: hocon/engine.conf.",
        };

        var root = new RootCommand("Engine: an actor-based, event-driven trading engine.");
        root.Subcommands.Add(RunCommand.Create(config));
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(CheckConfigCommand.Create(config));
        root.Subcommands.Add(SimulateCommand.Create(config));
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(TradingStateCommand.Create("halt", "Halt trading (no new orders) in the running engine, a login or a strategy; cancels working orders by default."));
        root.Subcommands.Add(TradingStateCommand.Create("resume", "Let the running engine, a login or a strategy trade again."));
        root.Subcommands.Add(TradingStateCommand.Create("reduce", "Let only position-reducing orders through in the running engine, a login or a strategy."));
        root.Subcommands.Add(CancelAllCommand.Create());
        root.Subcommands.Add(HealthCommand.Create());
        return root;
    }

    /// <summary>The invocation settings of the real process (Ctrl+C cancels the running command's token).</summary>
    public static InvocationConfiguration Invocation(TextWriter? output = null, TextWriter? error = null)
    {
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = ProcessTerminationTimeout };
        if (output is not null)
        {
            invocation.Output = output;
        }

        if (error is not null)
        {
            invocation.Error = error;
        }

        return invocation;
    }
}
