namespace Engine.Kernel.Persistence.Actors;

/// <summary>Sent to the actor when <c>DeleteMessages(toSequenceNr)</c> completed; ignored if no command handler takes it.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr) : PersistenceMessage;
