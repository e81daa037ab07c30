using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Engine.Host.Logging;

/// <summary>
/// Serilog, the only sink: the console always, a rolling file when configured. Engine actors and the host log through
/// <see cref="ILoggerFactory"/> (<see cref="CreateFactory"/>), Akka itself through Akka.Logger.Serilog, which writes to
/// Serilog's global <c>Log.Logger</c>: the CLI sets it to the same logger, so both share one line format. Structured
/// fields (Login, ClientOrderId, Venue) travel as properties, and every actor's line carries its <c>ActorPath</c>.
/// </summary>
internal static class EngineLogging
{
    private const string ConsoleTemplate =
        "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext} {ActorPath}: {Message:lj}{NewLine}{Exception}";

    /// <summary>The Serilog logger of one process.</summary>
    public static Serilog.Core.Logger CreateLogger(LogEventLevel minimum = LogEventLevel.Information, string? file = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: LogEventLevel.Error, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(file))
        {
            configuration = configuration.WriteTo.File(file, outputTemplate: ConsoleTemplate, rollingInterval: RollingInterval.Day, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return configuration.CreateLogger();
    }

    /// <summary>A logger factory writing to <paramref name="logger"/>; disposing the factory does not dispose the logger.</summary>
    public static ILoggerFactory CreateFactory(Serilog.ILogger logger) => new SerilogLoggerFactory(logger, dispose: false);

    /// <summary>A stand-alone factory (console, and a file when given) for commands that do not run the engine.</summary>
    public static ILoggerFactory Create(LogEventLevel minimum = LogEventLevel.Information, string? file = null) =>
        new SerilogLoggerFactory(CreateLogger(minimum, file), dispose: true);
}
