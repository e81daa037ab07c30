namespace Engine.Kernel.Actors;

/// <summary>Well-known refs.</summary>
public static class ActorRefs
{
    /// <summary>"No sender": replies to it go to dead letters.</summary>
    public static readonly IActorRef? NoSender;

    /// <summary>A ref that silently drops every message; returned by lookups that find nothing.</summary>
    public static readonly IActorRef Nobody = new NobodyRef();
}
