using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Fuzz;

/// <summary>Keeps every log entry at warning level or above (with its exception) that a simulator host writes; thread-safe.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> entries = new();

    /// <summary>Entries with an exception, or at error level or above: what the fuzz test must never see.</summary>
    public IReadOnlyList<string> Failures => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error || (exception is not null && exception is not (System.Net.WebSockets.WebSocketException or OperationCanceledException)))
            {
                entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
