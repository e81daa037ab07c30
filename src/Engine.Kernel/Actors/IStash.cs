namespace Engine.Kernel.Actors;

/// <summary>
/// Per-actor stash; always available through <c>ActorBase.Stash</c> and allocated on first use.
/// Only call from the actor's own handlers. Unstashed messages are handled before any message still in the mailbox,
/// in their original order and with their original sender. On restart and on stop the stash goes to dead letters.
/// </summary>
public interface IStash
{
    /// <summary>Stashes the message being handled.</summary>
    void Stash();

    /// <summary>Re-delivers the oldest stashed message next.</summary>
    void Unstash();

    /// <summary>Re-delivers all stashed messages next, oldest first.</summary>
    void UnstashAll();

    /// <summary>Number of stashed messages.</summary>
    int Count { get; }
}
