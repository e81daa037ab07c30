using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Kernel.Actors;

/// <summary>Settings of an <see cref="ActorSystem"/>; validated by <see cref="ActorSystem.Create"/>.</summary>
public sealed record ActorSystemOptions
{
    /// <summary>The only clock of the system: scheduler, timers, ask timeouts, restart windows.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where actor and runtime logs go.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Maximum user messages an actor handles per mailbox turn before yielding the thread (at least 1).</summary>
    public int Throughput { get; init; } = 30;

    /// <summary>Timeout of <c>Ask</c> when the caller gives none.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Randomness for jitter (backoff); null creates one seeded from a cryptographic source. Accessed under a lock.</summary>
    public Random? Random { get; init; }
}
