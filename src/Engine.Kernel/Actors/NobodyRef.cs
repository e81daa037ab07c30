namespace Engine.Kernel.Actors;

/// <summary>Drops every message. Immutable, shared by all systems.</summary>
internal sealed class NobodyRef : ActorRefBase
{
    private static readonly ActorPath NobodyPath = ActorPath.CreateRoot("nobody");

    public override ActorPath Path => NobodyPath;

    public override int Uid => 0;

    public override ActorSystem? System => null;

    public override void Tell(object message, IActorRef? sender = null)
    {
    }
}
