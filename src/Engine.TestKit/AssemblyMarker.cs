namespace Engine.TestKit;

/// <summary>Marks the Engine.TestKit assembly.</summary>
internal static class AssemblyMarker
{
}
