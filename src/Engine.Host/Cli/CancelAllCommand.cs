using System.CommandLine;

namespace Engine.Host.Cli;

/// <summary><c>engine cancel-all --login L [--url U]</c>: cancels every working order of a login of the running engine.</summary>
internal static class CancelAllCommand
{
    public static Command Create()
    {
        var url = ControlCommandOptions.Url();
        var login = new Option<string>("--login") { Description = "The login whose working orders are cancelled.", Required = true };
        var command = new Command("cancel-all", "Cancel every working order of a login of the running engine.") { login, url };
        command.SetAction((parse, cancellationToken) => ControlCommandOptions.RunAsync(parse, url, async (client, output) =>
        {
            var result = await client.CancelAllAsync(parse.GetValue(login)!, cancellationToken);
            await output.WriteLineAsync(result.Detail);
        }));
        return command;
    }
}
