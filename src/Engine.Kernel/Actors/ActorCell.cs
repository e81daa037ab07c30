using Engine.Kernel.Actors.Dispatch;
using Engine.Kernel.Actors.Scheduling;
using Microsoft.Extensions.Logging;

namespace Engine.Kernel.Actors;

/// <summary>
/// The runtime of one actor: it is at once the actor's ref, its mailbox and its context (one object keeps an idle
/// actor small). Threading: <see cref="Tell"/> and <see cref="SendSystemMessage"/> are called from any thread; every
/// other member runs on the mailbox turn, which the <see cref="Scheduled"/> bit makes exclusive.
/// </summary>
internal sealed partial class ActorCell : ActorRefBase, IActorContext
{
    // Mailbox-turn flags (written only by the turn owner).
    private const int NotCreated = 1;
    private const int FailedSuspended = 2;
    private const int AsyncSuspended = 4;
    private const int Terminating = 8;
    private const int SuspendMask = NotCreated | FailedSuspended | AsyncSuspended | Terminating;

    // The actor being constructed on this thread, so that ActorBase's constructor finds its cell without a parameter.
    // Set and cleared around one factory call on one thread, so parallel systems never see each other's value.
    [ThreadStatic]
    private static ActorCell? t_constructing;

    // The cell whose turn runs on this thread: the implicit sender of Tell and the owner of ReceiveAsync handlers.
    [ThreadStatic]
    private static ActorCell? t_current;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly ActorPath _path;
    private readonly int _uid;
    private readonly Props _props;
    private ActorBase? _actor;
    private int _flags = NotCreated;
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private Dictionary<string, ActorCell>? _children;
    private CellExtras? _extras;

    public ActorCell(ActorSystem system, ActorCell? parent, ActorPath path, Props props)
    {
        _system = system;
        _parent = parent;
        _path = path;
        _props = props;
        _uid = system.NextUid();
        _head = new MailboxNode();
        _tail = _head;
    }

    internal static ActorCell? Constructing => t_constructing;

    internal static ActorCell? Current => t_current;

    public override ActorPath Path => _path;

    public override int Uid => _uid;

    public override ActorSystem System => _system;

    public IActorRef Self => this;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => (IActorRef?)_parent ?? _system.DeadLetters;

    public Props Props => _props;

    internal ActorCell? ParentCell => _parent;

    internal object? CurrentMessage => _currentMessage;

    /// <summary>The sender seen by the running handler; persistent actors set it around deferred persist handlers.</summary>
    internal IActorRef? CurrentSender
    {
        get => _currentSender;
        set => _currentSender = value;
    }

    internal bool IsTerminating => (Volatile.Read(ref _flags) & Terminating) != 0;

    internal ITimerScheduler Timers => Extras.Timers ??= new TimerScheduler(this);

    internal IStash Stash => Extras.Stash ??= new ActorStash(this);

    internal ILogger Log => Extras.Log ??= new ActorLogger(
        _system.LoggerFactory.CreateLogger(_props.ActorType.FullName ?? _props.ActorType.Name), _path);

    /// <summary>Lazily created; the compare-exchange makes creation safe against the parent's supervision thread.</summary>
    internal CellExtras Extras
    {
        get
        {
            var extras = Volatile.Read(ref _extras);
            if (extras is not null)
            {
                return extras;
            }

            Interlocked.CompareExchange(ref _extras, new CellExtras(), null);
            return _extras!;
        }
    }

    /// <summary>Queues the Create message; call once, right after registration with the parent.</summary>
    internal void Start() => SendSystemMessage(new Create());

    public override void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var node = new MailboxNode { Message = message, Sender = sender ?? t_current };
        var previous = Interlocked.Exchange(ref _tail, node);
        Volatile.Write(ref previous.Next, node);
        TrySchedule();
    }

    /// <summary>Thread-safe: pushes onto the system queue, which every turn drains before any user message.</summary>
    internal void SendSystemMessage(SystemMessage message)
    {
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _systemQueue);
            message.Next = head;
        }
        while (Interlocked.CompareExchange(ref _systemQueue, message, head) != head);

        TrySchedule();
    }

    /// <summary>Puts messages at the front of the user queue, before anything not yet handled (used by unstash).</summary>
    internal void Prepend(IReadOnlyList<Envelope> items)
    {
        var extras = Extras;
        var existing = extras.Unstashed;
        if (existing is null || existing.Count == 0)
        {
            existing ??= extras.Unstashed = new Queue<Envelope>(items.Count);
            foreach (var item in items)
            {
                existing.Enqueue(item);
            }

            return;
        }

        var merged = new Queue<Envelope>(items.Count + existing.Count);
        foreach (var item in items)
        {
            merged.Enqueue(item);
        }

        foreach (var item in existing)
        {
            merged.Enqueue(item);
        }

        extras.Unstashed = merged;
    }

    private ActorBase NewActorInstance()
    {
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            return _props.NewActor();
        }
        finally
        {
            t_constructing = previous;
        }
    }
}
