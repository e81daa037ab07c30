namespace Engine.Host.Api;

/// <summary>Asks the <see cref="FillTapeActor"/> for the fills at or after <paramref name="Since"/> (all kept when null).</summary>
public sealed record GetFills(DateTimeOffset? Since);
