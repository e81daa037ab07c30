using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Tests.Orders.Actor;

/// <summary>Keeps every log entry (level, event id, formatted message) written through the loggers it provides.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(_entries);

    public void Dispose()
    {
    }

    public sealed record Entry(LogLevel Level, EventId EventId, string Message);

    private sealed class Logger(ConcurrentQueue<Entry> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(new Entry(logLevel, eventId, formatter(state, exception)));
    }
}
