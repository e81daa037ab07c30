using Akka.Actor;
using Engine.Actors.Connections.Policies;
using Engine.Actors.Runtime;

namespace Engine.Actors.Connections;

/// <summary>
/// Thin shell over a <see cref="HeartbeatPolicy"/>: between <see cref="Start"/> and <see cref="Suspend"/> it
/// evaluates the policy whenever something is due (one keyed <see cref="IWithTimers"/> timer, the policy reading the
/// engine clock, so virtual time drives it in tests) and tells the owner <see cref="PingDue"/> (the owner sends the
/// venue's ping frame; the ping counts as sent at once) or <see cref="Dead"/> (once; then it waits).
/// <para>
/// The owner need not report each frame: <see cref="Dead"/> says that no frame arrived since the last one it was told
/// of (<see cref="Activity"/>, or the start). An owner that keeps the time of its own last frame answers a
/// <see cref="Dead"/> it knows to be stale with <see cref="Activity"/> at that time, and the watch resumes from it:
/// the next <see cref="Dead"/> comes exactly when that frame is <see cref="HeartbeatPolicy.IdleTimeout"/> old, as if
/// every frame had been reported, for one message per idle timeout instead of one per frame (the connection actor
/// receives several frames per order). An owner that does not answer gets nothing more until the next
/// <see cref="Start"/>; <see cref="Suspend"/> ends the watch.
/// </para>
/// </summary>
public sealed class HeartbeatActor : ReceiveActor, IWithTimers
{
    private const string TickKey = "heartbeat-tick";

    private readonly IActorRef? _owner;
    private readonly TimeProvider _time;
    private HeartbeatPolicy? _policy;
    private int _generation;
    private bool _declaredDead;

    /// <summary>Creates the actor; <paramref name="owner"/> gets the reports (null: the parent).</summary>
    public HeartbeatActor(IActorRef? owner)
    {
        _owner = owner;
        _time = Context.Engine().Time;
        Receive<Start>(start =>
        {
            _policy = start.Policy;
            _generation = start.Generation;
            _declaredDead = false;
            Evaluate();
        });
        Receive<Suspend>(_ =>
        {
            _policy = null;
            Timers.Cancel(TickKey);
        });
        Receive<Activity>(OnActivity);
        Receive<Tick>(_ => Evaluate());
    }

    private IActorRef Owner => _owner ?? Context.Parent;

    /// <summary>Props; <paramref name="owner"/> defaults to the parent.</summary>
    public static Props Props(IActorRef? owner = null) => Akka.Actor.Props.Create(() => new HeartbeatActor(owner));

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Watch a new socket with <paramref name="Policy"/> (ownership passes to this actor); <paramref name="Generation"/> is echoed in every report.</summary>
    public sealed record Start(HeartbeatPolicy Policy, int Generation = 0);

    /// <summary>Stop watching (the socket is gone).</summary>
    public sealed record Suspend
    {
        /// <summary>The only instance needed.</summary>
        public static Suspend Instance { get; } = new();
    }

    /// <summary>A frame arrived at <paramref name="At"/>; after a <see cref="Dead"/>, the owner's answer that the socket lives.</summary>
    public sealed record Activity(DateTimeOffset At);

    /// <summary>To the owner: send the venue's ping now.</summary>
    public sealed record PingDue(DateTimeOffset At, int Generation);

    /// <summary>
    /// To the owner: nothing arrived for <paramref name="Silence"/> since the last frame this actor was told of; the
    /// socket of <paramref name="Generation"/> is dead unless the owner knows of a later frame (see the class remarks).
    /// </summary>
    public sealed record Dead(DateTimeOffset At, TimeSpan Silence, int Generation);

    private void OnActivity(Activity activity)
    {
        if (_policy is not { } policy)
        {
            return;
        }

        policy.OnFrameReceived(activity.At);
        if (_declaredDead)
        {
            _declaredDead = false;
            Evaluate();
        }
    }

    private void Evaluate()
    {
        if (_policy is not { } policy || _declaredDead)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var decision = policy.Evaluate(now);
        if (decision.Action == HeartbeatAction.Dead)
        {
            _declaredDead = true;
            Timers.Cancel(TickKey);
            Owner.Tell(new Dead(now, policy.IdleTimeout, _generation), Self);
            return;
        }

        var pingDue = decision.Action == HeartbeatAction.SendPing;
        if (pingDue)
        {
            policy.OnSent(now, isPing: true);
            decision = policy.Evaluate(now);
        }

        var delay = decision.NextDueAt - now;
        Timers.StartSingleTimer(TickKey, Tick.Instance, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        if (pingDue)
        {
            Owner.Tell(new PingDue(now, _generation), Self);
        }
    }

    private sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }
}
