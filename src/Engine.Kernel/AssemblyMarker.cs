namespace Engine.Kernel;

/// <summary>Marks the Engine.Kernel assembly.</summary>
internal static class AssemblyMarker
{
}
