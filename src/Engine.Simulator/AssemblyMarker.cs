namespace Engine.Simulator;

/// <summary>Marks the Engine.Simulator assembly.</summary>
internal static class AssemblyMarker
{
}
