namespace Engine.Kernel.Actors.Dispatch;

/// <summary>Supervisor decision: replace the instance (PreRestart, new instance, PostRestart).</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}
