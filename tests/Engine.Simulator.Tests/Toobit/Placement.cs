namespace Engine.Simulator.Tests.Toobit;

/// <summary>Where a signed request carries its parameters (reference §5.2).</summary>
public enum Placement
{
    Query,
    Body,
    Mixed,
}
