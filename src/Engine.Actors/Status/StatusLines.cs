namespace Engine.Actors.Status;

/// <summary>The status lines at the time of asking, one per login.</summary>
public sealed record StatusLines(IReadOnlyList<string> Lines);
