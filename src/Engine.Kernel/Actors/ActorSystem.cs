using System.Security.Cryptography;
using Engine.Kernel.Actors.Events;
using Engine.Kernel.Actors.Scheduling;
using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Actors;

/// <summary>
/// A tree of actors: the root guardian <c>/</c>, the user guardian <c>/user</c> (parent of <see cref="ActorOf"/>
/// actors, supervising them with the default strategy) and <c>/system</c>. If the user guardian dies the whole system
/// terminates. No static state: any number of systems may run side by side in one process.
/// </summary>
public sealed class ActorSystem
{
    private readonly ActorCell _root;
    private readonly ActorCell _user;
    private readonly TimeProviderScheduler _scheduler;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorPath _tempPath;
    private int _uid;
    private long _names;
    private long _temps;

    private ActorSystem(string name, ActorSystemOptions options)
    {
        Name = name;
        Options = options;
        TimeProvider = options.TimeProvider;
        LoggerFactory = options.LoggerFactory;
        Random = options.Random ?? new Random(RandomNumberGenerator.GetInt32(int.MaxValue));
        Throughput = options.Throughput;
        KernelLogger = LoggerFactory.CreateLogger("Engine.Kernel.Actors.ActorSystem");
        EventStream = new EventStream();
        _scheduler = new TimeProviderScheduler(TimeProvider);
        var rootPath = ActorPath.CreateRoot(name);
        _tempPath = rootPath.Child("temp");
        DeadLetters = new DeadLettersRef(this, rootPath.Child("deadLetters"));
        _root = new ActorCell(this, null, rootPath, Props.Create<GuardianActor>().WithSupervisorStrategy(SupervisorStrategyStopping));
        _user = (ActorCell)_root.ActorOf(Props.Create<GuardianActor>(), "user");
        _root.ActorOf(Props.Create<GuardianActor>(), "system");
        _root.Start();
    }

    /// <summary>The system's name (the authority of every path).</summary>
    public string Name { get; }

    /// <summary>The options the system was created with.</summary>
    public ActorSystemOptions Options { get; }

    /// <summary>The system clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The logger factory of all actors.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Randomness for jitter; not thread-safe, lock on it while drawing.</summary>
    public Random Random { get; }

    /// <summary>Publish/subscribe bus; dead letters and unhandled messages are published here.</summary>
    public EventStream EventStream { get; }

    /// <summary>Tells on the system clock.</summary>
    public IScheduler Scheduler => _scheduler;

    /// <summary>Publishes everything told to it as a <see cref="DeadLetter"/>.</summary>
    public IActorRef DeadLetters { get; }

    /// <summary>Completes once every actor has stopped.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal int Throughput { get; }

    internal ILogger KernelLogger { get; }

    private static Supervision.SupervisorStrategy SupervisorStrategyStopping => Supervision.SupervisorStrategy.StoppingStrategy;

    /// <summary>Creates and starts a system. The name becomes the path authority (letters, digits, '-' and '_').</summary>
    public static ActorSystem Create(string name, ActorSystemOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"Actor system name '{name}' may only contain ASCII letters, digits, '-' and '_'.", nameof(name));
        }

        options ??= new ActorSystemOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Throughput, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.AskTimeout, TimeSpan.Zero, nameof(options));
        return new ActorSystem(name, options);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>. Thread-safe.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _user.ActorOf(props, name);

    /// <summary>Stops an actor asynchronously (children first, then PostStop, then watchers are notified).</summary>
    public void Stop(IActorRef actor)
    {
        if (actor is ActorCell cell && ReferenceEquals(cell.System, this))
        {
            cell.SendSystemMessage(new Dispatch.Terminate());
        }
    }

    /// <summary>Stops every actor (top-down request, bottom-up completion) and returns <see cref="WhenTerminated"/>.</summary>
    public Task Terminate()
    {
        _root.SendSystemMessage(new Dispatch.Terminate());
        return WhenTerminated;
    }

    public override string ToString() => $"ActorSystem({Name})";

    internal int NextUid() => Interlocked.Increment(ref _uid);

    internal string NextName() => "$" + Base36(Interlocked.Increment(ref _names));

    internal ActorPath NextTempPath() => _tempPath.Child("$" + Base36(Interlocked.Increment(ref _temps)));

    internal void PublishDeadLetter(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is DeadLetter)
        {
            return;
        }

        EventStream.Publish(new DeadLetter(message, sender ?? DeadLetters, recipient));
    }

    internal void OnRootTerminated()
    {
        _scheduler.CancelAll();
        _terminated.TrySetResult();
    }

    private static string Base36(long value)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        Span<char> buffer = stackalloc char[16];
        var i = buffer.Length;
        do
        {
            buffer[--i] = digits[(int)(value % 36)];
            value /= 36;
        }
        while (value > 0);

        return new string(buffer[i..]);
    }
}
