namespace Engine.Kernel.Actors.Dispatch;

/// <summary>Stops the cell: children first, then PostStop, then notifications.</summary>
internal sealed class Terminate : SystemMessage;
