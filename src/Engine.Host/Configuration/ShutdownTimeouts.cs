using System.ComponentModel.DataAnnotations;

namespace Engine.Host.Configuration;

/// <summary>
/// The <c>engine.run.shutdown</c> section: each phase of a stop is bounded; a phase that overruns is logged and
/// the next one runs anyway, so a stuck actor never keeps the journal from being flushed.
/// </summary>
public sealed record ShutdownTimeouts
{
    /// <summary>Strategies stop quoting and acknowledge.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StopStrategies { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Working orders are canceled (when configured) and connections log out.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan DrainConnections { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Every actor stops.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan TerminateActors { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The journal writes what is queued and closes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan FlushJournal { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>In-process simulators close their sockets.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan StopSimulators { get; init; } = TimeSpan.FromSeconds(5);
}
