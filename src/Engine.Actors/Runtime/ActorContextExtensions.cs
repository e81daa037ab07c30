using Akka.Actor;
using Microsoft.Extensions.Logging;

namespace Engine.Actors.Runtime;

/// <summary>Reaching the <see cref="EngineExtension"/> from an actor.</summary>
public static class ActorContextExtensions
{
    /// <summary>The engine services of the actor's system.</summary>
    public static EngineExtension Engine(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EngineExtension.Get(context.System);
    }

    /// <summary>The engine services of <paramref name="system"/>.</summary>
    public static EngineExtension Engine(this ActorSystem system) => EngineExtension.Get(system);

    /// <summary>
    /// A logger named after <typeparamref name="T"/> whose entries carry the actor's path (<c>ActorPath</c>). Create it
    /// once per incarnation, in the constructor; use it with <c>[LoggerMessage]</c> methods.
    /// </summary>
    public static ILogger CreateLogger<T>(this IActorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ActorPathLogger(context.Engine().LoggerFactory.CreateLogger<T>(), context.Self.Path);
    }
}
