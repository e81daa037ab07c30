using Engine.Kernel.Actors;

namespace Engine.TestKit;

/// <summary>
/// Base class of actor tests: each instance (xunit creates one per test) owns its own <see cref="ActorSystem"/> on a
/// <see cref="ManualTimeProvider"/>, so tests run in parallel without sharing anything. Expectations forward to the
/// default probe <see cref="TestActor"/> and wait in real time (default 10 s); virtual time moves only through
/// <see cref="Advance"/>. Dispose terminates the system.
/// </summary>
public abstract class TestKitBase : IDisposable
{
    private readonly List<TestProbe> _probes = [];
    private bool _disposed;

    protected TestKitBase(ActorSystemOptions? options = null, string systemName = "test", TimeSpan? defaultTimeout = null)
    {
        // Generous: a passing expectation returns as soon as its message arrives, so this only bounds how long a
        // failing test waits; test runs share two cores with every other test assembly on CI.
        DefaultTimeout = defaultTimeout ?? TimeSpan.FromSeconds(10);
        Time = new ManualTimeProvider();
        Sys = ActorSystem.Create(systemName, (options ?? new ActorSystemOptions()) with { TimeProvider = Time });
        Probe = CreateTestProbe("testActor");
    }

    /// <summary>Virtual time of <see cref="Sys"/>.</summary>
    public ManualTimeProvider Time { get; }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The default probe.</summary>
    public TestProbe Probe { get; }

    /// <summary>The default probe's ref.</summary>
    public IActorRef TestActor => Probe.Ref;

    /// <summary>Real-time limit of expectations that give none.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>A new probe in <see cref="Sys"/>.</summary>
    public TestProbe CreateTestProbe(string? name = null)
    {
        var probe = new TestProbe(Sys, name, DefaultTimeout);
        _probes.Add(probe);
        return probe;
    }

    /// <summary>Moves virtual time forward, firing due timers on this thread.</summary>
    public void Advance(TimeSpan delta) => Time.Advance(delta);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(Predicate{T}?, TimeSpan?)"/>
    public T ExpectMsg<T>(Predicate<T>? predicate = null, TimeSpan? timeout = null) => Probe.ExpectMsg(predicate, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsg{T}(T, TimeSpan?)"/>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => Probe.ExpectMsg(expected, timeout);

    /// <inheritdoc cref="TestProbe.ExpectNoMsg"/>
    public void ExpectNoMsg(TimeSpan? duration = null) => Probe.ExpectNoMsg(duration);

    /// <inheritdoc cref="TestProbe.ReceiveN"/>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => Probe.ReceiveN(count, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessage{T}(Predicate{T}?, TimeSpan?)"/>
    public T FishForMessage<T>(Predicate<T>? isTarget = null, TimeSpan? timeout = null) => Probe.FishForMessage(isTarget, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessage(Predicate{object}, TimeSpan?)"/>
    public object FishForMessage(Predicate<object> isTarget, TimeSpan? timeout = null) => Probe.FishForMessage(isTarget, timeout);

    /// <inheritdoc cref="TestProbe.Watch"/>
    public IActorRef Watch(IActorRef subject) => Probe.Watch(subject);

    /// <inheritdoc cref="TestProbe.Unwatch"/>
    public IActorRef Unwatch(IActorRef subject) => Probe.Unwatch(subject);

    /// <inheritdoc cref="TestProbe.ExpectTerminated"/>
    public Terminated ExpectTerminated(IActorRef subject, TimeSpan? timeout = null) => Probe.ExpectTerminated(subject, timeout);

    /// <inheritdoc cref="TestProbe.Within"/>
    public void Within(TimeSpan max, Action action) => Probe.Within(max, action);

    /// <inheritdoc cref="TestProbe.AwaitAssert"/>
    public void AwaitAssert(Action assertion, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        Probe.AwaitAssert(assertion, timeout, interval);

    /// <summary>The sender of the default probe's last message.</summary>
    public IActorRef? LastSender => Probe.LastSender;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        Sys.Terminate().Wait(TimeSpan.FromSeconds(10));
        foreach (var probe in _probes)
        {
            probe.Dispose();
        }
    }
}
