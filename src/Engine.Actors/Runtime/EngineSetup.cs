using Akka.Actor.Setup;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Runtime;

/// <summary>
/// What the composition root hands the actor system: the one clock, the seeded randomness and the logger factory
/// of every engine actor. Pass it in the system's <see cref="ActorSystemSetup"/> (Akka.Hosting: <c>AddSetup</c>;
/// tests: the TestKit's setup); <see cref="EngineExtension"/> reads it once, when first used.
/// </summary>
/// <param name="Time">The clock of timestamps and of every engine deadline; in tests the virtual clock.</param>
/// <param name="Random">Randomness for jitter (backoff); seeded by the host or the test. Accessed under a lock.</param>
/// <param name="LoggerFactory">Where engine actors log (Serilog in the host).</param>
public sealed class EngineSetup(TimeProvider Time, Random Random, ILoggerFactory LoggerFactory) : Setup
{
    /// <summary>The clock of timestamps and of every engine deadline.</summary>
    public TimeProvider Time { get; } = Time ?? throw new ArgumentNullException(nameof(Time));

    /// <summary>Randomness for jitter; lock on it while drawing.</summary>
    public Random Random { get; } = Random ?? throw new ArgumentNullException(nameof(Random));

    /// <summary>Where engine actors log.</summary>
    public ILoggerFactory LoggerFactory { get; } = LoggerFactory ?? throw new ArgumentNullException(nameof(LoggerFactory));
}
