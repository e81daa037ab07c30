using System.Collections.Concurrent;
using System.Diagnostics;
using Engine.Kernel.Actors;

namespace Engine.TestKit;

/// <summary>
/// An actor whose received messages the test inspects. Every expectation waits in REAL (wall-clock) time for a message
/// to arrive, up to the given timeout or the kit's default; virtual time never advances by itself. Expectations consume
/// messages in arrival order. Use from one test thread.
/// </summary>
public sealed class TestProbe : IDisposable
{
    private readonly BlockingCollection<(object Message, IActorRef Sender)> _queue = [];
    private readonly TimeSpan _defaultTimeout;

    internal TestProbe(ActorSystem system, string? name, TimeSpan defaultTimeout)
    {
        _defaultTimeout = defaultTimeout;
        Ref = system.ActorOf(Props.Create(() => new ProbeActor(_queue)), name);
    }

    /// <summary>The probe's ref: tell it messages, use it as a sender.</summary>
    public IActorRef Ref { get; }

    /// <summary>Sender of the last received message.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>The last received message.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Number of messages received and not yet consumed.</summary>
    public int PendingCount => _queue.Count;

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public T ExpectMsg<T>(Predicate<T>? predicate = null, TimeSpan? timeout = null)
    {
        var message = Next(timeout, $"a {typeof(T).Name}");
        if (message is not T typed)
        {
            throw Fail($"Expected a {typeof(T).FullName} but received {Describe(message)}.");
        }

        if (predicate is not null && !predicate(typed))
        {
            throw Fail($"Received {Describe(message)}, which does not satisfy the predicate.");
        }

        return typed;
    }

    /// <summary>Expects the next message to equal <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null)
    {
        var message = Next(timeout, Describe(expected));
        if (message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
        {
            throw Fail($"Expected {Describe(expected)} but received {Describe(message)}.");
        }

        return typed;
    }

    /// <summary>Waits <paramref name="duration"/> of real time (default 100 ms) and fails if any message arrives.</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        if (_queue.TryTake(out var item, duration ?? TimeSpan.FromMilliseconds(100)))
        {
            Record(item);
            throw Fail($"Expected no message but received {Describe(item.Message)}.");
        }
    }

    /// <summary>Receives <paramref name="count"/> messages within <paramref name="timeout"/> in total.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? _defaultTimeout;
        var result = new List<object>(count);
        for (var i = 0; i < count; i++)
        {
            var remaining = limit - deadline.Elapsed;
            result.Add(Next(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining, $"message {i + 1} of {count}"));
        }

        return result;
    }

    /// <summary>Skips messages until one is a <typeparamref name="T"/> satisfying <paramref name="isTarget"/>.</summary>
    public T FishForMessage<T>(Predicate<T>? isTarget = null, TimeSpan? timeout = null)
    {
        var found = FishForMessage(m => m is T t && (isTarget is null || isTarget(t)), timeout);
        return (T)found;
    }

    /// <summary>Skips messages until one satisfies <paramref name="isTarget"/>, within <paramref name="timeout"/> in total.</summary>
    public object FishForMessage(Predicate<object> isTarget, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTarget);
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? _defaultTimeout;
        while (true)
        {
            var remaining = limit - clock.Elapsed;
            var message = Next(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining, "a message matching the fishing predicate");
            if (isTarget(message))
            {
                return message;
            }
        }
    }

    /// <summary>
    /// Starts watching <paramref name="subject"/> and returns once the watch request has been sent to it, so a stop
    /// issued afterwards is observed with ExistenceConfirmed = true. A <see cref="Terminated"/> arrives when it stops.
    /// </summary>
    public IActorRef Watch(IActorRef subject)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Ref.Tell(new ProbeActor.WatchRequest(subject, done), ActorRefs.Nobody);
        WaitFor(done.Task, "Watch");
        return subject;
    }

    /// <summary>Stops watching <paramref name="subject"/>; returns once the probe has unwatched it.</summary>
    public IActorRef Unwatch(IActorRef subject)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Ref.Tell(new ProbeActor.UnwatchRequest(subject, done), ActorRefs.Nobody);
        WaitFor(done.Task, "Unwatch");
        return subject;
    }

    /// <summary>Expects the <see cref="Terminated"/> of a watched actor as the next message.</summary>
    public Terminated ExpectTerminated(IActorRef subject, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(subject), timeout);

    /// <summary>Tells <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Replies to the sender of the last received message, with the probe as sender.</summary>
    public void Reply(object message) =>
        (LastSender ?? throw new InvalidOperationException("No message received yet.")).Tell(message, Ref);

    /// <summary>Forwards the last (or the given) message to <paramref name="target"/> keeping its original sender.</summary>
    public void Forward(IActorRef target, object? message = null) =>
        target.Tell(message ?? LastMessage ?? throw new InvalidOperationException("No message received yet."), LastSender);

    /// <summary>Runs <paramref name="action"/> and fails if it took longer than <paramref name="max"/> of real time.</summary>
    public void Within(TimeSpan max, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var clock = Stopwatch.StartNew();
        action();
        if (clock.Elapsed > max)
        {
            throw Fail($"The block run by {Ref.Path} took {clock.Elapsed.TotalMilliseconds:F0} ms, more than {max.TotalMilliseconds:F0} ms.");
        }
    }

    /// <summary>Retries <paramref name="assertion"/> every <paramref name="interval"/> (default 10 ms) until it passes or <paramref name="timeout"/> elapses.</summary>
    public void AwaitAssert(Action assertion, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? _defaultTimeout;
        using var pause = new ManualResetEventSlim();
        while (true)
        {
            try
            {
                assertion();
                return;
            }
            catch (Exception) when (clock.Elapsed < limit)
            {
                // Polling is the contract of AwaitAssert: the condition has no event to wait on. A wait handle
                // (never set) paces the retries without depending on thread-pool timers.
                pause.Wait(interval ?? TimeSpan.FromMilliseconds(10));
            }
        }
    }

    public void Dispose() => _queue.Dispose();

    private void WaitFor(Task task, string what)
    {
        if (!task.Wait(_defaultTimeout))
        {
            throw Fail($"Timeout ({_defaultTimeout.TotalMilliseconds:F0} ms) while waiting for {what} by {Ref.Path}.");
        }
    }

    private object Next(TimeSpan? timeout, string what)
    {
        var limit = timeout ?? _defaultTimeout;
        if (!_queue.TryTake(out var item, limit))
        {
            throw Fail($"Timeout ({limit.TotalMilliseconds:F0} ms) while waiting for {what} at {Ref.Path}.");
        }

        Record(item);
        return item.Message;
    }

    private void Record((object Message, IActorRef Sender) item)
    {
        LastMessage = item.Message;
        LastSender = item.Sender;
    }

    private static string Describe(object? message) => message is null ? "null" : $"{message.GetType().Name} {message}";

    private static Xunit.Sdk.XunitException Fail(string message) => new(message);
}
