namespace Engine.Kernel.Actors.Dispatch;

/// <summary>Supervisor decision: drop the failed message and carry on with the same instance.</summary>
internal sealed class Resume : SystemMessage;
