namespace Engine.Kernel.Actors;

/// <summary>The root, user and system guardians: they handle nothing and only supervise.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected internal override bool Receive(object message) => false;
}
