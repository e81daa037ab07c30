namespace Engine.Actors;

/// <summary>Marks the Engine.Actors assembly.</summary>
internal static class AssemblyMarker
{
}
