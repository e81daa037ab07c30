namespace Engine.Kernel.Actors.Dispatch;

/// <summary>First message of every cell: constructs the actor and runs PreStart.</summary>
internal sealed class Create : SystemMessage;
