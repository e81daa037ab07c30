using System.Reflection;
using System.Runtime.ExceptionServices;
using Engine.Kernel.Actors.Supervision;

namespace Engine.Kernel.Actors;

/// <summary>
/// Immutable recipe for an actor. The factory is called once per incarnation (at start and at every restart),
/// so it must return a new instance each time.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? strategy, int? throughput)
    {
        ActorType = actorType;
        _factory = factory;
        SupervisorStrategy = strategy;
        Throughput = throughput;
    }

    /// <summary>The actor's type.</summary>
    public Type ActorType { get; }

    /// <summary>The strategy the actor applies to its children unless it overrides <c>SupervisorStrategy()</c>.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>Maximum user messages per mailbox turn; null uses the system default.</summary>
    public int? Throughput { get; }

    /// <summary>Props for an actor with a public parameterless constructor.</summary>
    public static Props Create<T>()
        where T : ActorBase, new() => new(typeof(T), static () => new T(), null, null);

    /// <summary>Props from a factory; the factory must return a new instance on every call.</summary>
    public static Props Create<T>(Func<T> factory)
        where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new(typeof(T), factory, null, null);
    }

    /// <summary>Props that construct <paramref name="actorType"/> with <paramref name="args"/> (matched by reflection).</summary>
    public static Props Create(Type actorType, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException($"{actorType} is not a concrete subclass of {nameof(ActorBase)}.", nameof(actorType));
        }

        return new(actorType, () => Construct(actorType, args), null, null);
    }

    /// <summary>A copy whose actor supervises its children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => new(ActorType, _factory, strategy, Throughput);

    /// <summary>A copy whose mailbox handles at most <paramref name="throughput"/> user messages per turn.</summary>
    public Props WithThroughput(int throughput)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(throughput, 1);
        return new(ActorType, _factory, SupervisorStrategy, throughput);
    }

    internal ActorBase NewActor() => _factory();

    private static ActorBase Construct(Type type, object[] args)
    {
        try
        {
            return (ActorBase)Activator.CreateInstance(type, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
