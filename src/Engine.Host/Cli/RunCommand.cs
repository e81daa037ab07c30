using System.CommandLine;
using Engine.Host.Configuration;
using Engine.Host.Logging;
using Engine.Host.Runtime;
using Engine.Config;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Cli;

/// <summary>
/// <c>engine run [--config FILE] [--for DURATION]</c>: loads and checks the configuration exactly as
/// <c>check-config</c> does (exit 2 with <c>file:line: key: message</c> lines, before anything starts), runs the engine
/// until Ctrl+C or the duration, stops in phases. Exit 0 after a requested stop, 1 when start-up failed or the engine
/// died on its own.
/// </summary>
internal static class RunCommand
{
    public static Command Create(Option<string?> configOption)
    {
        var duration = new Option<TimeSpan?>("--for")
        {
            Description = "Stop after this long (500ms, 60s, 5m, 1h); default: until Ctrl+C.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
                if (DurationText.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--for: '{text}' is not a duration; expected {DurationText.Expected}");
                return null;
            },
        };

        var command = new Command("run", "Run the engine until Ctrl+C (or --for).") { configOption, duration };
        command.SetAction(async (parse, cancellationToken) =>
        {
            EngineConfiguration loaded;
            try
            {
                loaded = EngineConfiguration.Load(parse.GetValue(configOption));
                StartupCheck.Run(loaded);
                await AkkaConfigurationCheck.RunAsync(loaded, cancellationToken);
            }
            catch (ConfigException ex)
            {
                ConsoleErrors.Write(parse, ex);
                return ExitCodes.ConfigurationError;
            }

            await using var serilog = EngineLogging.CreateLogger(loaded.Options.Logging.Level, loaded.Options.Logging.File);
            // Akka.Logger.Serilog writes through Serilog's global logger: the CLI is the composition root that sets it.
            Serilog.Log.Logger = serilog;
            using var loggerFactory = EngineLogging.CreateFactory(serilog);
            // The CLI is the composition root: the one place that chooses the system clock for the engine.
#pragma warning disable RS0030
            var clock = TimeProvider.System;
#pragma warning restore RS0030
            using var limit = parse.GetValue(duration) is { } d ? new CancellationTokenSource(d, clock) : new CancellationTokenSource();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            try
            {
                return await new EngineRuntime(loaded, loggerFactory, clock).RunAsync(stop.Token);
            }
            catch (Exception ex)
            {
                loggerFactory.CreateLogger(typeof(RunCommand)).StartupFailed(ex);
                await parse.InvocationConfiguration.Error.WriteLineAsync($"engine run: start-up failed: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
