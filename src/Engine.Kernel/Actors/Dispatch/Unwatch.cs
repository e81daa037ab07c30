namespace Engine.Kernel.Actors.Dispatch;

/// <summary>Removes <see cref="Watcher"/> from the receiving cell's watchers.</summary>
internal sealed class Unwatch(ActorCell watcher) : SystemMessage
{
    public ActorCell Watcher { get; } = watcher;
}
