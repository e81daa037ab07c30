namespace Engine.Kernel.Actors.Dispatch;

/// <summary>The watched (or child) actor has stopped; becomes at most one Terminated user message.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}
