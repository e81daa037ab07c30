using Engine.Kernel.Actors.Dispatch;
using Engine.Kernel.Actors.Scheduling;

namespace Engine.Kernel.Actors;

/// <summary>
/// The mailbox. Design note: the issue asks for a mailbox on <c>System.Threading.Channels</c>; an unbounded
/// <c>Channel&lt;T&gt;</c> per actor allocates its queue segment (32 slots), reader, writer and waiter objects up front,
/// close to or over the 1 KB idle-actor budget on its own. This is the
/// same single-reader design without the per-actor channel: an intrusive multi-producer single-consumer queue
/// (one node per message, FIFO per producer, so per sender-receiver order holds), a lock-free system stack drained
/// before every user message, and a status word whose <see cref="Scheduled"/> bit is the single-reader lock: whoever
/// sets it queues one turn on the thread pool; the turn handles at most <c>throughput</c> user messages, clears the bit
/// and requeues itself if work remains. After the actor stopped (<see cref="Closed"/>) turns only drain to dead letters.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Closed = 2;

    private MailboxNode _head;
    private MailboxNode _tail;
    private SystemMessage? _systemQueue;
    private int _status;

    /// <summary>Number of turns run so far; for tests of the throughput guarantee.</summary>
    internal int TurnCount { get; private set; }

    internal bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    public void Execute()
    {
        var previous = t_current;
        t_current = this;
        try
        {
            if (IsClosed)
            {
                DrainClosed();
            }
            else
            {
                RunTurn();
            }
        }
        finally
        {
            t_current = previous;
            Interlocked.And(ref _status, ~Scheduled);
            if (HasWork())
            {
                TrySchedule();
            }
        }
    }

    private void TrySchedule()
    {
        // Interlocked.Or is a full fence: a producer's link (made before this call) is visible to the turn owner,
        // who re-checks the queue after clearing the bit.
        if ((Interlocked.Or(ref _status, Scheduled) & Scheduled) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    private void RunTurn()
    {
        TurnCount++;
        ProcessSystemMessages();
        var budget = _props.Throughput ?? _system.Throughput;
        while (budget > 0 && (_flags & SuspendMask) == 0 && !IsClosed)
        {
            if (Volatile.Read(ref _systemQueue) is not null)
            {
                ProcessSystemMessages();
                continue;
            }

            object message;
            IActorRef? sender;
            if (_extras?.Unstashed is { Count: > 0 } unstashed)
            {
                (message, sender) = unstashed.Dequeue();
            }
            else if (!TryDequeue(out message, out sender))
            {
                break;
            }

            budget--;
            Invoke(message, sender);
        }

        if (IsClosed)
        {
            DrainClosed();
        }
    }

    private bool HasWork()
    {
        if (Volatile.Read(ref _systemQueue) is not null)
        {
            return true;
        }

        var hasUser = Volatile.Read(ref _head.Next) is not null;
        if (IsClosed)
        {
            return hasUser;
        }

        if ((_flags & SuspendMask) != 0)
        {
            return false;
        }

        return hasUser || _extras?.Unstashed is { Count: > 0 };
    }

    private bool TryDequeue(out object message, out IActorRef? sender)
    {
        var next = Volatile.Read(ref _head.Next);
        if (next is null)
        {
            message = null!;
            sender = null;
            return false;
        }

        message = next.Message!;
        sender = next.Sender;
        next.Message = null;
        next.Sender = null;
        _head = next;
        return true;
    }

    private void ProcessSystemMessages()
    {
        while (true)
        {
            var list = Interlocked.Exchange(ref _systemQueue, null);
            if (list is null)
            {
                return;
            }

            // The stack holds newest first; reverse to handle in send order.
            SystemMessage? ordered = null;
            while (list is not null)
            {
                var next = list.Next;
                list.Next = ordered;
                ordered = list;
                list = next;
            }

            while (ordered is not null)
            {
                var next = ordered.Next;
                ordered.Next = null;
                if (IsClosed)
                {
                    HandleDeadSystemMessage(ordered);
                }
                else
                {
                    try
                    {
                        HandleSystemMessage(ordered);
                    }
                    catch (Exception e)
                    {
                        // User code runs here too (deciders, SupervisorStrategy()); its failure is this actor's failure.
                        HandleInvokeFailure(e, null);
                    }
                }

                ordered = next;
            }
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                HandleCreate();
                break;
            case Terminate:
                StartTerminate();
                break;
            case Resume:
                HandleResume();
                break;
            case Recreate recreate:
                HandleRecreate(recreate.Cause);
                break;
            case Failed failed:
                HandleFailed(failed);
                break;
            case Watch watch:
                AddWatcher(watch.Watcher);
                break;
            case Unwatch unwatch:
                _extras?.Watchers?.Remove(unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                HandleDeathWatchNotification(notification);
                break;
            case AsyncContinuation continuation:
                RunContinuation(continuation);
                break;
            case AsyncCompleted completed:
                CompleteAsync(completed);
                break;
        }
    }

    private void HandleDeadSystemMessage(SystemMessage message)
    {
        if (message is Watch watch)
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
        }
    }

    private void DrainClosed()
    {
        ProcessSystemMessages();
        while (TryDequeue(out var message, out var sender))
        {
            if (message is not TimerMessage)
            {
                _system.PublishDeadLetter(message, sender, this);
            }
        }
    }

    private void Invoke(object message, IActorRef? sender)
    {
        _currentMessage = message;
        _currentSender = sender;
        try
        {
            if (message is TimerMessage timer)
            {
                if (_extras?.Timers is not { } timers || !timers.TryConsume(timer))
                {
                    return;
                }

                message = timer.Message;
                _currentMessage = message;
            }

            if (message is PoisonPill)
            {
                SendSystemMessage(new Terminate());
                return;
            }

            if (message is Kill)
            {
                throw new ActorKilledException($"{_path} received Kill.");
            }

            if (message is Terminated terminated && ReferenceEquals(sender, terminated.ActorRef)
                && !ConsumeQueuedTerminated(terminated.ActorRef))
            {
                return;
            }

            var actor = _actor!;
            var behaviors = _extras?.Behaviors;
            var handled = actor.AroundReceive(behaviors is { Count: > 0 } ? behaviors[^1] : null, message);
            if (!handled)
            {
                actor.InvokeUnhandled(message);
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e, message);
        }
        finally
        {
            _currentMessage = null;
            _currentSender = null;
        }
    }
}
