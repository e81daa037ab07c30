using System.Collections.Immutable;

namespace Engine.Host.Api;

/// <summary>The answer of the health endpoints: the verdict and, for readiness, what is not ready.</summary>
public sealed record ApiHealth(string Status, ImmutableArray<string> Problems);
