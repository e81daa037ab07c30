namespace Engine.Host.Runtime;

/// <summary>One step of a stop, bounded by <paramref name="Timeout"/>; the token passed to <paramref name="Run"/> fires at the timeout.</summary>
/// <param name="Name">Shown in the log (<c>stop strategies</c>).</param>
/// <param name="Timeout">How long the phase may take before the next one starts anyway.</param>
/// <param name="Run">The work.</param>
public sealed record ShutdownPhase(string Name, TimeSpan Timeout, Func<CancellationToken, Task> Run);
