namespace Engine.Kernel.Actors.Dispatch;

/// <summary>Registers <see cref="Watcher"/> for a DeathWatchNotification of the receiving cell.</summary>
internal sealed class Watch(ActorCell watcher) : SystemMessage
{
    public ActorCell Watcher { get; } = watcher;
}
