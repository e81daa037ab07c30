namespace Engine.Kernel.Persistence.Actors;

/// <summary>Sent to the actor when <c>DeleteMessages(toSequenceNr)</c> failed; logged as a warning if no command handler takes it.</summary>
public sealed record DeleteMessagesFailure(long ToSequenceNr, Exception Cause) : PersistenceMessage;
