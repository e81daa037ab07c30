namespace Engine.Kernel.Persistence.Actors;

/// <summary>Base of the messages a persistent actor receives about its own persistence.</summary>
public abstract record PersistenceMessage;
