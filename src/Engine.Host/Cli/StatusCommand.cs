using System.CommandLine;

namespace Engine.Host.Cli;

/// <summary><c>engine status [--url U]</c>: the running engine's logins, trading states, positions and open orders as tables.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var url = ControlCommandOptions.Url();
        var command = new Command("status", "Show the running engine's logins, trading states, positions and open orders.") { url };
        command.SetAction((parse, cancellationToken) => ControlCommandOptions.RunAsync(parse, url, async (client, output) =>
            StatusTableWriter.Write(await client.StatusAsync(cancellationToken), output)));
        return command;
    }
}
