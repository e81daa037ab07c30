namespace Engine.Kernel.Actors;

/// <summary>A message with its sender, as kept in stashes and unstash queues.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
