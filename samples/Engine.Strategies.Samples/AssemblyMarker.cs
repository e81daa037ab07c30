namespace Engine.Strategies.Samples;

/// <summary>Marks the samples assembly.</summary>
internal static class AssemblyMarker
{
}
