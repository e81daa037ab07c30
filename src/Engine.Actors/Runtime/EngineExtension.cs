using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Runtime;

/// <summary>
/// The engine's per-system services, as an Akka extension: one <see cref="TimeProvider"/> for timestamps and deadlines,
/// one seeded <see cref="Random"/> for jitter, and the logger factory of engine actors. Created once per actor system
/// from the <see cref="EngineSetup"/> in its setup; a system started without one fails on first use with a message
/// saying so (src/ never falls back to the ambient clock). Thread-safe; the <see cref="Random"/> needs its lock.
/// </summary>
public sealed class EngineExtension : IExtension
{
    internal EngineExtension(EngineSetup setup)
    {
        Time = setup.Time;
        Random = setup.Random;
        LoggerFactory = setup.LoggerFactory;
    }

    /// <summary>The engine's clock (virtual in tests, advanced together with Akka's <c>TestScheduler</c>).</summary>
    public TimeProvider Time { get; }

    /// <summary>Seeded randomness for jitter; lock on it while drawing.</summary>
    public Random Random { get; }

    /// <summary>The logger factory of engine actors.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The extension of <paramref name="system"/>.</summary>
    public static EngineExtension Get(ActorSystem system) => system.WithExtension<EngineExtension, EngineExtensionId>();
}
