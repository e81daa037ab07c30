using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace Engine.Bench;

/// <summary>
/// Akka's own log events (warnings and above, see <see cref="BenchSystem"/>) on stderr: stdout carries only the JSON
/// result lines, and Akka's standard-out logger would interleave with them.
/// </summary>
public sealed class StderrLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    /// <summary>Answers the logger handshake and prints every log event on stderr.</summary>
    public StderrLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(e => Console.Error.WriteLine($"akka {e.LogLevel()} {e.LogSource}: {e.Message}{(e.Cause is { } cause ? " " + cause : string.Empty)}"));
    }
}
