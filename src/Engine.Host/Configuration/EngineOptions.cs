using Engine.Kernel.Config;
using Engine.Simulator.Hosting;

namespace Engine.Host.Configuration;

/// <summary>
/// The <c>engine</c> section: one property per documented section of <c>hocon/reference.conf</c>.
/// Each section's options record validates itself; the binder rejects unknown keys with file:line.
/// </summary>
public sealed record EngineOptions
{
    /// <summary>Actor runtime settings.</summary>
    public KernelOptions Kernel { get; init; } = new();

    /// <summary>Loopback venue simulators: accounts, synthetic market, fees, faults, venue switches.</summary>
    public SimulatorOptions Simulator { get; init; } = new();
}
