using System.Collections.Concurrent;
using Engine.Kernel.Actors;
using Engine.TestKit;
using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Tests.Actors;

public class LoggingTests : TestKitBase
{
    private static readonly CapturingLoggerFactory Factory = new();

    public LoggingTests()
        : base(new ActorSystemOptions { LoggerFactory = Factory }, systemName: "logging" + Guid.NewGuid().ToString("N")[..8])
    {
    }

    [Fact]
    public void A_throwing_actor_is_logged_with_its_path_and_the_message_type()
    {
        var actor = Sys.ActorOf(Reporter.Props(TestActor, "thrower"), "thrower");
        ExpectMsg("thrower:prestart");

        actor.Tell(new InvalidOperationException("kaboom"));
        ExpectMsg("thrower:prerestart:kaboom");

        var entry = Assert.Single(Factory.Entries, e => e.Exception?.Message == "kaboom" && e.Message.Contains(actor.Path.ToString(), StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("System.InvalidOperationException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_logs_carry_the_actor_path_scope()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Chatty(TestActor)), "chatty");
        actor.Tell("hello");
        ExpectMsg("logged");

        var entry = Assert.Single(Factory.Entries, e => e.Message == "said hello" && e.Scope.Contains(actor.Path.ToString(), StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, entry.Level);
    }

    private sealed class Chatty : ReceiveActor
    {
        public Chatty(IActorRef probe) => Receive<string>(s =>
        {
            Log.LogInformation("said {Word}", s);
            probe.Tell("logged");
        });
    }

    private sealed record Entry(LogLevel Level, string Message, Exception? Exception, string Scope);

    private sealed class CapturingLoggerFactory : ILoggerFactory
    {
        private readonly AsyncLocal<string?> _scope = new();

        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerFactory owner) : ILogger
        {
            public IDisposable BeginScope<TState>(TState state)
                where TState : notnull
            {
                var previous = owner._scope.Value;
                owner._scope.Value = state is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(",", pairs.Select(p => $"{p.Key}={p.Value}"))
                    : state.ToString();
                return new Restore(() => owner._scope.Value = previous);
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception, owner._scope.Value ?? string.Empty));
        }

        private sealed class Restore(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
