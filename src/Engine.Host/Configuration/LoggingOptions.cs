using Serilog.Events;

namespace Engine.Host.Configuration;

/// <summary>The <c>engine.logging</c> section: Serilog writes to the console always and to a file when one is set.</summary>
public sealed record LoggingOptions
{
    /// <summary>Lowest level written (verbose, debug, information, warning, error, fatal).</summary>
    public LogEventLevel Level { get; init; } = LogEventLevel.Information;

    /// <summary>Log file (rolled daily); null or empty logs to the console only.</summary>
    public string? File { get; init; }
}
