using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Engine.Host.Logging;

/// <summary>
/// Serilog as the sink behind <see cref="ILoggerFactory"/>: the console always, a rolling file when
/// configured. Structured fields (Login, ClientOrderId, Venue, ActorPath) travel as properties.
/// </summary>
internal static class EngineLogging
{
    private const string ConsoleTemplate = "{Timestamp:HH:mm:ss.fff} {Level:u3} {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static ILoggerFactory Create(LogEventLevel minimum = LogEventLevel.Information, string? file = null)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: LogEventLevel.Error, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(file))
        {
            configuration = configuration.WriteTo.File(file, rollingInterval: RollingInterval.Day, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return new SerilogLoggerFactory(configuration.CreateLogger(), dispose: true);
    }
}
