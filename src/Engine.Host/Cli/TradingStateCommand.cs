using System.CommandLine;
using Engine.Host.Api;

namespace Engine.Host.Cli;

/// <summary>
/// <c>engine halt|resume|reduce [--login L | --strategy S] [--reason R] [--keep-orders] [--url U]</c>: changes a trading
/// state of the running engine (the whole engine when neither --login nor --strategy is given) and prints the change.
/// </summary>
internal static class TradingStateCommand
{
    public static Command Create(string verb, string description)
    {
        var url = ControlCommandOptions.Url();
        var login = new Option<string?>("--login") { Description = "Only this login." };
        var strategy = new Option<string?>("--strategy") { Description = "Only this strategy." };
        var reason = new Option<string?>("--reason") { Description = "Why, for the journal." };
        var command = new Command(verb, description) { login, strategy, reason, url };
        Option<bool>? keep = null;
        if (verb == "halt")
        {
            keep = new Option<bool>("--keep-orders") { Description = "Leave working orders in place (default: cancel them, unless engine.risk says otherwise)." };
            command.Options.Add(keep);
        }

        command.Validators.Add(result =>
        {
            if (result.GetResult(login) is not null && result.GetResult(strategy) is not null)
            {
                result.AddError("--login and --strategy cannot be used together");
            }
        });
        command.SetAction((parse, cancellationToken) => ControlCommandOptions.RunAsync(parse, url, async (client, output) =>
        {
            bool? cancel = keep is not null && parse.GetValue(keep) ? false : null;
            var result = await client.SetStateAsync(
                verb,
                new ApiStateCommand(parse.GetValue(login), parse.GetValue(strategy), parse.GetValue(reason) ?? $"engine {verb} (CLI)", cancel, "cli"),
                cancellationToken);
            StatusTableWriter.WriteChange(result, output);
        }));
        return command;
    }
}
