using System.CommandLine;
using Engine.Config;
using Engine.Host.Configuration;

namespace Engine.Host.Cli;

/// <summary>
/// <c>engine check-config [--config FILE]</c>: the start-up validation, without starting the engine. The <c>engine</c>
/// section is bound strictly (file:line errors); strategies and signing keys are loaded as <c>run</c> loads them
/// (<see cref="StartupCheck"/>); the configuration Akka would receive is then checked by Akka itself
/// (<see cref="AkkaConfigurationCheck"/>).
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var command = new Command("check-config", "Validate a configuration file without starting anything.") { configOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(configOption);
            try
            {
                var loaded = EngineConfiguration.Load(path);
                StartupCheck.Run(loaded);
                await AkkaConfigurationCheck.RunAsync(loaded, cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"{loaded.SourceFile}: configuration is valid");
                return ExitCodes.Success;
            }
            catch (ConfigException ex)
            {
                ConsoleErrors.Write(parse, ex);
                return ExitCodes.ConfigurationError;
            }
        });
        return command;
    }
}
