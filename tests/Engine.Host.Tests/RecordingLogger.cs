using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Engine.Host.Tests;

/// <summary>An <see cref="ILogger"/> that keeps every entry as "Level: message", in order. Thread-safe.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
