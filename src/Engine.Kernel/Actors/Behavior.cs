namespace Engine.Kernel.Actors;

/// <summary>A message handler: returns false when the message was not handled (it then goes to <c>Unhandled</c>).</summary>
public delegate bool Behavior(object message);
