using System.CommandLine;
using Engine.Host.Configuration;
using Engine.Host.Logging;
using Engine.Config;
using Engine.Simulator.Hosting;

namespace Engine.Host.Cli;

/// <summary>
/// <c>engine simulate --venue V [--port P] [--config FILE]</c>: one loopback venue simulator, standalone,
/// until Ctrl+C. Accounts, market, fees and faults come from the <c>engine.simulator</c> section.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var venue = new Option<string>("--venue")
        {
            Description = $"Venue to simulate: {string.Join(", ", VenueCatalog.Names)}.",
            Required = true,
        };
        venue.AcceptOnlyFromAmong([.. VenueCatalog.Names]);
        var port = new Option<int>("--port")
        {
            Description = "TCP port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => 9878,
        };

        var command = new Command("simulate", "Run a loopback venue simulator until Ctrl+C.") { venue, port, configOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            EngineConfiguration loaded;
            try
            {
                loaded = EngineConfiguration.Load(parse.GetValue(configOption));
            }
            catch (ConfigException ex)
            {
                ConsoleErrors.Write(parse, ex);
                return ExitCodes.ConfigurationError;
            }

            using var loggerFactory = EngineLogging.Create();
            await SimulatorRunner.RunAsync(parse.GetValue(venue)!, parse.GetValue(port), loaded.Options.Simulator, loggerFactory, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
