namespace Engine.Messages;

/// <summary>Marks the Engine.Messages assembly.</summary>
internal static class AssemblyMarker
{
}
