using System.CommandLine;
using Engine.Host.Configuration;
using Engine.Config;

namespace Engine.Host.Cli;

/// <summary><c>engine check-config [--config FILE]</c>: the start-up validation, without starting anything.</summary>
internal static class CheckConfigCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var command = new Command("check-config", "Validate a configuration file without starting anything.") { configOption };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(configOption);
            try
            {
                var loaded = EngineConfiguration.Load(path);
                parse.InvocationConfiguration.Output.WriteLine($"{loaded.SourceFile}: configuration is valid");
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
