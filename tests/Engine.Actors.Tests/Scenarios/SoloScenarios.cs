namespace Engine.Actors.Tests.Scenarios;

/// <summary>
/// Scenario classes heavy enough (hundreds of orders over loopback) to starve the timing of every other test on a
/// 2-core machine: xunit runs this collection alone, after the parallel ones, and its classes one at a time (each moves
/// its engine's virtual time ahead of a venue that runs in real time).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloScenarios
{
    /// <summary>The collection's name, for <c>[Collection(SoloScenarios.Name)]</c>.</summary>
    public const string Name = "solo scenarios";
}
