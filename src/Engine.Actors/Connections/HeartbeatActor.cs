using Akka.Actor;
using Engine.Actors.Connections.Policies;
using Engine.Actors.Runtime;

namespace Engine.Actors.Connections;

/// <summary>
/// Thin shell over a <see cref="HeartbeatPolicy"/>: between <see cref="Start"/> and <see cref="Suspend"/> it
/// evaluates the policy whenever something is due (one keyed <see cref="IWithTimers"/> timer, the policy reading the
/// engine clock, so virtual time drives it in tests) and tells the owner <see cref="PingDue"/> (the owner sends the
/// venue's ping frame; the ping counts as sent at once) or <see cref="Dead"/> (once; then it is suspended
/// until the next <see cref="Start"/>). The owner reports every frame received with <see cref="Activity"/>.
/// </summary>
public sealed class HeartbeatActor : ReceiveActor, IWithTimers
{
    private const string TickKey = "heartbeat-tick";

    private readonly IActorRef? _owner;
    private readonly TimeProvider _time;
    private HeartbeatPolicy? _policy;
    private int _generation;

    /// <summary>Creates the actor; <paramref name="owner"/> gets the reports (null: the parent).</summary>
    public HeartbeatActor(IActorRef? owner)
    {
        _owner = owner;
        _time = Context.Engine().Time;
        Receive<Start>(start =>
        {
            _policy = start.Policy;
            _generation = start.Generation;
            Evaluate();
        });
        Receive<Suspend>(_ =>
        {
            _policy = null;
            Timers.Cancel(TickKey);
        });
        Receive<Activity>(a => _policy?.OnFrameReceived(a.At));
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

    /// <summary>A frame arrived at <paramref name="At"/>.</summary>
    public sealed record Activity(DateTimeOffset At);

    /// <summary>To the owner: send the venue's ping now.</summary>
    public sealed record PingDue(DateTimeOffset At, int Generation);

    /// <summary>To the owner: nothing arrived for <paramref name="Silence"/>; the socket of <paramref name="Generation"/> is dead.</summary>
    public sealed record Dead(DateTimeOffset At, TimeSpan Silence, int Generation);

    private void Evaluate()
    {
        if (_policy is not { } policy)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var decision = policy.Evaluate(now);
        if (decision.Action == HeartbeatAction.Dead)
        {
            _policy = null;
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
