using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Actors;

/// <summary>Source-generated log messages of the runtime.</summary>
internal static partial class KernelLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Actor {ActorPath} failed while handling {MessageType}")]
    public static partial void ActorFailed(ILogger logger, string actorPath, string messageType, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Actor {ActorPath} threw in {Hook}")]
    public static partial void HookFailed(ILogger logger, string actorPath, string hook, Exception exception);
}
